// What one push may leave behind: the rejected changes a sync history keeps are bounded (junk is
// not stored whole, a well-formed change is), and a device pushing rejections over and over
// notifies each admin once per window with the running counts, not once per push.
import { uuidv7, type Notification } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';
import { REJECTIONS_WINDOW_MS } from '../notifications/notifications.producers.ts';
import { STORED } from './push-history.ts';

describe.each(dialects)('push bounds on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let manager: Device;
  const missingSession = '01900000-0000-7000-8000-000000000000';

  const rejectionsOf = async (who: Device) => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/notifications?limit=100',
      headers: auth(who),
    });
    expect(res.statusCode).toBe(200);
    return (res.json().items as Notification[]).filter((n) => n.kind === 'rejections');
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    manager = await login(h.app, 'manager@demo.rollcall.test');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps a well-formed rejected change whole but only a bounded amount of malformed junk', async () => {
    const usher = await login(h.app, 'usher1@demo.rollcall.test');
    const wellFormed = change(usher, h.clock.now(), {
      sessionId: missingSession,
      participantId: h.demo.participants[0]!.id,
    });
    const small = { changeId: uuidv7(), kind: 'presence.unknown' };
    const junk = Array.from({ length: 998 }, () => ({
      changeId: uuidv7(),
      junk: 'x'.repeat(7_000),
    }));
    const res = await push(h.app, usher, [wellFormed, small, ...junk]);
    expect(res.statusCode).toBe(200);
    expect(res.results.every((r) => r.status === 'rejected')).toBe(true);

    const rows = await h.db.kysely
      .selectFrom('sync_rejections')
      .select(['change_index', 'payload', 'reason'])
      .where('history_id', '=', res.historyId)
      .orderBy('change_index')
      .execute();
    expect(rows).toHaveLength(1000);
    const stored = rows.reduce((n, r) => n + r.payload.length + r.reason.length, 0);
    // 7 MB arrived; what stays is the budget plus a short note per omitted change.
    expect(stored).toBeLessThan(STORED.malformedPerPush + 1000 * 1_200);
    expect(JSON.parse(rows[0]!.payload)).toEqual(wellFormed);
    expect(JSON.parse(rows[1]!.payload)).toEqual(small);
    expect(JSON.parse(rows[2]!.payload)).toEqual({
      omitted: 'malformed change too large to keep',
      chars: JSON.stringify(junk[0]).length,
    });
  });

  it("notifies of one device's rejections once per window, with the running counts", async () => {
    h.clock.advance(REJECTIONS_WINDOW_MS + 60_000);
    const ana = await login(h.app, 'usher1@demo.rollcall.test');
    const ben = await login(h.app, 'usher2@demo.rollcall.test');
    const before = (await rejectionsOf(admin)).length;
    const pushRejected = async (who: Device, n: number) => {
      const res = await push(
        h.app,
        who,
        Array.from({ length: n }, (_, i) =>
          change(who, h.clock.now(), {
            sessionId: missingSession,
            participantId: h.demo.participants[i]!.id,
          }),
        ),
      );
      expect(res.results.every((r) => r.status === 'rejected')).toBe(true);
      return res.historyId;
    };

    await pushRejected(ana, 1);
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: auth(admin),
    });
    h.clock.advance(60_000);
    await pushRejected(ana, 2);
    h.clock.advance(60_000);
    const last = await pushRejected(ana, 3);
    await pushRejected(ben, 1);

    for (const who of [admin, manager]) {
      const items = await rejectionsOf(who);
      expect(items).toHaveLength(before + 2);
      const fromAna = items.filter((n) => n.data.deviceId === ana.deviceId);
      expect(fromAna).toHaveLength(1);
      expect(fromAna[0]).toMatchObject({
        title: '6 changes rejected',
        link: { type: 'sync_history', id: last },
        data: { rejected: 6, received: 6, pushes: 3 },
        readAt: null,
      });
      expect(fromAna[0]!.body).toContain('3 syncs from');
    }

    // A new window, a new notification.
    h.clock.advance(REJECTIONS_WINDOW_MS);
    await pushRejected(ana, 1);
    const items = await rejectionsOf(admin);
    expect(items.filter((n) => n.data.deviceId === ana.deviceId)).toHaveLength(2);
  });
});
