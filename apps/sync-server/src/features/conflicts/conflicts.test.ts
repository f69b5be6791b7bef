// The resolution queue: who may read and resolve, what a resolution changes, and that devices pull it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  pullAll,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('conflicts on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  let ben: Device;
  let admin: Device;
  const conflictIds: string[] = [];
  beforeAll(async () => {
    h = await createHarness(dialect);
    ana = await login(h.app, 'usher1@demo.rollcall.test');
    ben = await login(h.app, 'usher2@demo.rollcall.test');
    admin = await login(h.app, 'admin@demo.rollcall.test');
    const session = h.demo.sessions[0]!.id;
    for (let i = 0; i < 4; i++) {
      const p = h.demo.participants[i]!.id;
      await push(h.app, ana, [
        change(ana, h.clock.now(), { sessionId: session, participantId: p, state: 'present' }),
      ]);
      h.clock.advance(1000);
      const res = await push(h.app, ben, [
        change(ben, h.clock.now(), {
          sessionId: session,
          participantId: p,
          state: 'absent',
          method: 'manual',
        }),
      ]);
      conflictIds.push(res.results[0]!.conflictId!);
    }
  });
  afterAll(() => h.close());

  it('lists open conflicts newest first with both versions for admins and managers', async () => {
    const manager = await login(h.app, 'manager@demo.rollcall.test');
    for (const who of [admin, manager]) {
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/v1/conflicts?status=open',
        headers: auth(who),
      });
      expect(res.statusCode).toBe(200);
      const { items, total } = res.json();
      expect(total).toBe(4);
      expect(items[0].versionA).toMatchObject({ state: 'present', userName: 'Ana Usher' });
      expect(items[0].versionB).toMatchObject({
        state: 'absent',
        userName: 'Ben Usher',
        method: 'manual',
      });
      expect(items[0].explanation).toMatch(/present/);
    }
  });

  it('lets only admins resolve', async () => {
    const manager = await login(h.app, 'manager@demo.rollcall.test');
    for (const who of [ana, manager]) {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/conflicts/${conflictIds[0]}/resolve`,
        headers: auth(who),
        payload: { choice: 'keep_b' },
      });
      expect(res.statusCode).toBe(403);
    }
    const usherList = await h.app.inject({
      method: 'GET',
      url: '/api/v1/conflicts',
      headers: auth(ana),
    });
    expect(usherList.statusCode).toBe(403);
  });

  it('refuses an unknown state with the field named', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${conflictIds[1]}/resolve`,
      headers: auth(admin),
      payload: { choice: 'state', state: 'vanished' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('body/state');
  });

  it('resolves by keeping B: a new version every device pulls, audited', async () => {
    const { cursor } = await pullAll(h.app, ana);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${conflictIds[0]}/resolve`,
      headers: auth(admin),
      payload: { choice: 'keep_b', note: 'Ben saw him leave' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      fromState: 'present',
      toState: 'absent',
      record: { state: 'absent', hasConflict: false, version: 3 },
    }); // 1 Ana, 2 flagged, 3 resolved
    const pulled = await pullAll(h.app, ana, cursor);
    expect(pulled.records).toHaveLength(1);
    expect(pulled.records[0]).toMatchObject({ state: 'absent', hasConflict: false });
    const detail = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/conflicts/${conflictIds[0]}`,
        headers: auth(admin),
      })
    ).json();
    expect(detail).toMatchObject({
      status: 'resolved',
      resolution: {
        choice: 'keep_b',
        state: 'absent',
        note: 'Ben saw him leave',
        resolvedBy: 'Grace Admin',
      },
    });
    expect(detail.versionA.state).toBe('present'); // both versions are kept
    const audit = await h.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', conflictIds[0]!)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('resolve_conflict');
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${conflictIds[0]}/resolve`,
      headers: auth(admin),
      payload: { choice: 'keep_a' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('previews a bulk resolution without writing, then applies it', async () => {
    const ids = conflictIds.slice(1);
    const preview = await h.app.inject({
      method: 'POST',
      url: '/api/v1/conflicts/bulk-resolve',
      headers: auth(admin),
      payload: { ids, resolution: { choice: 'state', state: 'late' }, preview: true },
    });
    expect(preview.json()).toMatchObject({ preview: true, count: 3 });
    expect(
      preview
        .json()
        .items.every(
          (i: { fromState: string; toState: string }) =>
            i.fromState === 'present' && i.toState === 'late',
        ),
    ).toBe(true);
    const stillOpen = (
      await h.app.inject({
        method: 'GET',
        url: '/api/v1/conflicts?status=open',
        headers: auth(admin),
      })
    ).json().total;
    expect(stillOpen).toBe(3);
    const done = await h.app.inject({
      method: 'POST',
      url: '/api/v1/conflicts/bulk-resolve',
      headers: auth(admin),
      payload: { ids, resolution: { choice: 'state', state: 'late' } },
    });
    expect(done.json().count).toBe(3);
    const open = (
      await h.app.inject({
        method: 'GET',
        url: '/api/v1/conflicts?status=open',
        headers: auth(admin),
      })
    ).json().total;
    expect(open).toBe(0);
  });

  it('shows sync history with counts per push', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sync-history?deviceId=${ben.deviceId}`,
      headers: auth(admin),
    });
    const { items } = res.json();
    expect(items).toHaveLength(4);
    expect(
      items.every(
        (i: { conflict: number; userName: string }) =>
          i.conflict === 1 && i.userName === 'Ben Usher',
      ),
    ).toBe(true);
  });
});
