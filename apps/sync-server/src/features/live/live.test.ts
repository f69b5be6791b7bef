// The live arrivals page's data: a snapshot, and a server-sent stream that follows pushes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { PROTOCOL_VERSION, type Change } from '@rollcall/shared';
import {
  auth,
  change,
  createHarness,
  login,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';
import { arrivalsPerMinute } from './live.service.ts';

describe('arrivals per minute', () => {
  it('buckets the last 30 minutes, oldest first, and ignores older arrivals', () => {
    const now = Date.parse('2026-11-22T09:30:30Z');
    const b = arrivalsPerMinute([now - 10_000, now - 20_000, now - 70_000, now - 3600_000], now);
    expect(b).toHaveLength(30);
    expect(b.at(-1)).toEqual({ minute: '2026-11-22T09:30:00.000Z', count: 2 });
    expect(b.at(-2)!.count).toBe(1);
    expect(b.reduce((n, x) => n + x.count, 0)).toBe(3);
  });
});

describe.each(dialects)('live arrivals on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let usher: Device;
  let session: string;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
    session = h.demo.sessions[0]!.id;
  });
  afterAll(() => h.close());

  const checkIn = (i: number, state = 'present') =>
    push(h.app, usher, [
      change(usher, h.clock.now(), {
        sessionId: session,
        participantId: h.demo.participants[i]!.id,
        state,
      }),
    ]);

  it('counts by state, lists the latest check-ins and the contributing devices', async () => {
    await checkIn(0);
    await checkIn(1, 'late');
    await checkIn(2, 'absent');
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session}/live`,
      headers: auth(admin),
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.headcount).toBe(2);
    expect(
      Object.fromEntries(s.byState.map((x: { code: string; count: number }) => [x.code, x.count])),
    ).toMatchObject({ present: 1, late: 1, absent: 1, excused: 0 });
    expect(s.latest).toHaveLength(3);
    expect(s.latest[0]).toMatchObject({ userName: 'Ana Usher' });
    expect(s.devices).toEqual([
      expect.objectContaining({ id: usher.deviceId, userName: 'Ana Usher', records: 3 }),
    ]);
    expect(s.perMinute.at(-1).count).toBe(2);
    // Sunday Service expects Teens (with its two subgroups), Young Adults and Choir: every member.
    const members = await h.db.kysely
      .selectFrom('group_memberships')
      .select('participant_id')
      .distinct()
      .where('organization_id', '=', h.demo.organizationId)
      .execute();
    expect(s.expected).toBe(members.length);
  });

  it('is for admins and managers of the organization only', async () => {
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/sessions/${session}/live`,
          headers: auth(usher),
        })
      ).statusCode,
    ).toBe(403);
    const foreign = await login(h.app, 'admin@other.demo.rollcall.test');
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/sessions/${session}/live`,
          headers: auth(foreign),
        })
      ).statusCode,
    ).toBe(404);
  });

  it("shows each device's pending count as what remains after its push", async () => {
    const tablet = await login(h.app, 'usher2@demo.rollcall.test');
    // The device reports its waiting changes with the batch included, as the app does.
    const pushReporting = async (pendingCount: number, changes: Change[]) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/sync/push',
        headers: auth(tablet),
        payload: { protocolVersion: PROTOCOL_VERSION, changes, pendingCount },
      });
      expect(res.statusCode).toBe(200);
      return res.json().results.map((r: { status: string }) => r.status);
    };
    const pendingOnLivePage = async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/sessions/${session}/live`,
        headers: auth(admin),
      });
      const devices: { id: string; pendingCount: number | null }[] = res.json().devices;
      return devices.find((d) => d.id === tablet.deviceId)?.pendingCount;
    };
    const checkInOn = (i: number, state = 'present') =>
      change(tablet, h.clock.now(), {
        sessionId: session,
        participantId: h.demo.participants[i]!.id,
        state,
      });

    // Five waiting, the first batch carries two of them: three are still on the device.
    expect(await pushReporting(5, [checkInOn(10), checkInOn(11)])).toEqual(['applied', 'applied']);
    expect(await pendingOnLivePage()).toBe(3);
    // The last three, one rejected: it stays on the device with its reason, but waits no longer.
    const last = [checkInOn(12), checkInOn(13, 'asleep'), checkInOn(14)];
    expect(await pushReporting(3, last)).toEqual(['applied', 'rejected', 'applied']);
    expect(await pendingOnLivePage()).toBe(0);
    // The same batch again (its answer was lost): nothing is counted twice.
    expect(await pushReporting(3, last)).toEqual(['duplicate', 'rejected', 'duplicate']);
    expect(await pendingOnLivePage()).toBe(0);
  });

  it('streams a new snapshot when a device pushes', async () => {
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const ac = new AbortController();
    const res = await fetch(
      `${base}/api/v1/sessions/${session}/live/stream?access_token=${encodeURIComponent(admin.token)}`,
      { signal: ac.signal },
    );
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextSnapshot = async () => {
      for (let i = 0; i < 50; i++) {
        const at = buffer.indexOf('\n\n');
        if (at >= 0) {
          const frame = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (frame.includes('event: snapshot') && data) return JSON.parse(data.slice(6));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
      throw new Error('no snapshot');
    };
    const first = await nextSnapshot();
    await checkIn(5);
    const second = await nextSnapshot();
    expect(second.headcount).toBe(first.headcount + 1);
    ac.abort();
  });
});
