// Notifications: who is notified of conflicts, rejections and drifting participants (once each),
// read state and preferences per user, and that nobody sees another user's or organization's.
import type { Notification } from '@rollcall/shared';
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

interface List {
  items: Notification[];
  unreadCount: number;
  nextCursor: string | null;
}

describe.each(dialects)('notifications on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let admin2: Device;
  let manager: Device;
  let ana: Device;
  let ben: Device;
  const staff = () => [admin, admin2, manager];
  const session = () => h.demo.sessions[0]!;
  const participant = (i: number) => h.demo.participants[i]!;

  const get = (who: Device, url: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth(who) });
  const post = (who: Device, url: string, payload?: object) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: auth(who),
      ...(payload ? { payload } : {}),
    });
  const list = async (who: Device, query = 'limit=100'): Promise<List> => {
    const res = await get(who, `/notifications?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const ofKind = async (who: Device, kind: string) =>
    (await list(who)).items.filter((n) => n.kind === kind);
  const unread = async (who: Device) =>
    (await get(who, '/notifications/unread-count')).json().unreadCount as number;

  /** Ana records present, Ben absent, for the same person: one open conflict. */
  async function makeConflict(i: number) {
    await push(h.app, ana, [
      change(ana, h.clock.now(), {
        sessionId: session().id,
        participantId: participant(i).id,
        state: 'present',
      }),
    ]);
    h.clock.advance(1000);
    const res = await push(h.app, ben, [
      change(ben, h.clock.now(), {
        sessionId: session().id,
        participantId: participant(i).id,
        state: 'absent',
        method: 'manual',
      }),
    ]);
    expect(res.results[0]!.status).toBe('conflict');
    return res.results[0]!.conflictId!;
  }

  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    manager = await login(h.app, 'manager@demo.rollcall.test');
    ana = await login(h.app, 'usher1@demo.rollcall.test');
    ben = await login(h.app, 'usher2@demo.rollcall.test');
    const created = await post(admin, '/users', {
      email: 'second-admin@demo.rollcall.test',
      displayName: 'Second Admin',
      role: 'admin',
      password: 'rollcall-demo',
    });
    expect(created.statusCode).toBe(201);
    admin2 = await login(h.app, 'second-admin@demo.rollcall.test');
  });
  afterAll(() => h.close());

  it('notifies every admin and manager once of a new conflict, and no usher', async () => {
    const conflictId = await makeConflict(0);
    for (const who of staff()) {
      const items = await ofKind(who, 'conflict');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        link: { type: 'conflict', id: conflictId },
        title: `Conflict: ${participant(0).name}`,
        readAt: null,
      });
      expect(items[0]!.body).toContain('Sunday Service');
    }
    // A third version keeps the same conflict open: updated, not notified again.
    const again = await push(h.app, ana, [
      change(ana, h.clock.now(), {
        sessionId: session().id,
        participantId: participant(0).id,
        state: 'late',
        baseVersion: 0,
      }),
    ]);
    expect(again.results[0]).toMatchObject({ status: 'conflict', conflictId });
    for (const who of staff()) expect(await ofKind(who, 'conflict')).toHaveLength(1);
    const ushers = await h.db.kysely
      .selectFrom('notifications')
      .select('id')
      .where('user_id', 'in', [ana.userId, ben.userId])
      .execute();
    expect(ushers).toEqual([]);
    for (const who of [ana, ben]) {
      expect((await get(who, '/notifications')).statusCode).toBe(403);
      expect((await get(who, '/notifications/unread-count')).statusCode).toBe(403);
    }
  });

  it('notifies of a push with rejected changes: how many, from which device, linking to its history', async () => {
    h.clock.advance(60_000);
    const res = await push(h.app, ana, [
      change(ana, h.clock.now(), { sessionId: session().id, participantId: participant(2).id }),
      change(ana, h.clock.now(), {
        sessionId: '01900000-0000-7000-8000-000000000000',
        participantId: participant(3).id,
      }),
      change(ana, h.clock.now(), {
        sessionId: '01900000-0000-7000-8000-000000000001',
        participantId: participant(4).id,
      }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected']);
    for (const who of staff()) {
      const items = await ofKind(who, 'rejections');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        title: '2 changes rejected',
        link: { type: 'sync_history', id: res.historyId },
        data: { rejected: 2, received: 3, userName: 'Ana Usher', deviceName: 'test' },
      });
      expect(items[0]!.body).toContain("Ana Usher's device “test”");
    }
    expect((await get(admin, `/sync-history/${res.historyId}`)).json().rejected).toBe(2);
    // A push that is all good notifies nobody.
    const before = await unread(admin);
    await push(h.app, ana, [
      change(ana, h.clock.now(), { sessionId: session().id, participantId: participant(6).id }),
    ]);
    expect(await unread(admin)).toBe(before);
  });

  it('notifies once of the drifting participants when a session ends, and not again when it ends again', async () => {
    h.clock.advance(60_000);
    const choir = h.demo.groups[4]!; // every fifth participant sings in the choir
    const earlier = [];
    for (const day of ['2026-11-08', '2026-11-15']) {
      const res = await post(admin, '/sessions', {
        name: 'Choir practice',
        scheduledStart: `${day}T09:00:00.000Z`,
        scheduledEnd: `${day}T10:00:00.000Z`,
        status: 'completed',
        groupIds: [choir],
      });
      expect(res.statusCode).toBe(201);
      earlier.push(res.json().id as string);
    }
    // Participant 5 came to both practices: missed at most 1 of 3, not drifting; 0, 10 and 15 are.
    await push(
      h.app,
      ana,
      earlier.map((id) =>
        change(ana, h.clock.now(), { sessionId: id, participantId: participant(5).id }),
      ),
    );
    const end = (status: string) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/v1/sessions/${session().id}`,
        headers: auth(admin),
        payload: { status },
      });
    expect((await end('completed')).statusCode).toBe(200);
    for (const who of staff()) {
      const items = await ofKind(who, 'drifting');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        title: '3 drifting after Sunday Service',
        link: { type: 'session', id: session().id },
        data: { total: 3, missed: 2, of: 3 },
      });
      const ids = (items[0]!.data.participants as { id: string }[]).map((p) => p.id).sort();
      expect(ids).toEqual([participant(0).id, participant(10).id, participant(15).id].sort());
      expect(items[0]!.body).toContain(participant(10).name);
      expect(items[0]!.body).toMatch(/have missed at least 2 of their last 3 sessions/);
    }
    expect((await end('active')).statusCode).toBe(200);
    expect((await end('completed')).statusCode).toBe(200);
    for (const who of staff()) expect(await ofKind(who, 'drifting')).toHaveLength(1);
  });

  it('marks one read, then all, with unread counts per user', async () => {
    const { items, unreadCount } = await list(admin);
    expect(unreadCount).toBe(3);
    expect(items.map((n) => n.kind)).toEqual(['drifting', 'rejections', 'conflict']); // newest first
    const managerBefore = await unread(manager);
    h.clock.advance(1000);
    const first = await post(admin, `/notifications/${items[1]!.id}/read`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      item: { id: items[1]!.id, readAt: new Date(h.clock.now()).toISOString() },
      unreadCount: 2,
    });
    h.clock.advance(1000);
    const second = await post(admin, `/notifications/${items[1]!.id}/read`);
    expect(second.json().item.readAt).toBe(first.json().item.readAt); // the first read time stays
    expect((await list(admin, 'unread=true')).items.map((n) => n.id)).toEqual([
      items[0]!.id,
      items[2]!.id,
    ]);
    expect(await unread(manager)).toBe(managerBefore);
    const all = await post(admin, '/notifications/read-all');
    expect(all.json()).toEqual({ marked: 2, unreadCount: 0 });
    expect(await unread(admin)).toBe(0);
    expect((await list(admin, 'unread=true')).items).toEqual([]);
    expect(await unread(manager)).toBe(managerBefore);
  });

  it('pages newest first by cursor and refuses a cursor it did not give out', async () => {
    const page1 = await list(admin2, 'limit=2');
    expect(page1.items).toHaveLength(2);
    const page2 = await list(admin2, `limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((n) => n.kind)).toEqual(['conflict']);
    expect(page2.nextCursor).toBeNull();
    const bad = await get(admin2, '/notifications?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('querystring/cursor');
    expect((await get(admin2, '/notifications?limit=0')).statusCode).toBe(400);
  });

  it('lets each user turn a kind off for themselves', async () => {
    expect((await get(manager, '/notifications/preferences')).json().items).toEqual([
      { kind: 'conflict', enabled: true },
      { kind: 'rejections', enabled: true },
      { kind: 'drifting', enabled: true },
    ]);
    const off = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: auth(manager),
      payload: { items: [{ kind: 'conflict', enabled: false }] },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().items).toContainEqual({ kind: 'conflict', enabled: false });
    expect(off.json().items).toContainEqual({ kind: 'drifting', enabled: true });
    const conflictId = await makeConflict(1);
    expect((await ofKind(admin, 'conflict')).map((n) => n.link.id)).toContain(conflictId);
    expect((await ofKind(manager, 'conflict')).map((n) => n.link.id)).not.toContain(conflictId);
    const on = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/notifications/preferences',
      headers: auth(manager),
      payload: { items: [{ kind: 'conflict', enabled: true }] },
    });
    expect(on.json().items).toContainEqual({ kind: 'conflict', enabled: true });
    const put = (who: Device, payload: object) =>
      h.app.inject({
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        headers: auth(who),
        payload,
      });
    expect((await put(manager, { items: [{ kind: 'birthdays', enabled: true }] })).statusCode).toBe(
      400,
    );
    expect((await put(manager, { items: [] })).statusCode).toBe(400);
    const twice = await put(manager, {
      items: [
        { kind: 'drifting', enabled: true },
        { kind: 'drifting', enabled: false },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details[0].path).toBe('body/items/1/kind');
    expect((await put(ana, { items: [{ kind: 'conflict', enabled: false }] })).statusCode).toBe(
      403,
    );
  });

  it("answers 404 for another user's or another organization's notification", async () => {
    const mine = (await list(admin)).items[0]!;
    expect((await post(manager, `/notifications/${mine.id}/read`)).statusCode).toBe(404);
    const foreign = await login(h.app, 'admin@other.demo.rollcall.test');
    expect((await post(foreign, `/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect(await list(foreign)).toEqual({ items: [], unreadCount: 0, nextCursor: null });
    expect((await post(admin, '/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await list(admin)).items.find((n) => n.id === mine.id)!.readAt).toBeNull();
  });
});
