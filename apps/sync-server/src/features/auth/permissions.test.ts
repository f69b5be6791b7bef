// Every admin-side route against every role, and against another organization's admin:
// an usher cannot resolve or read the admin side, a manager reads but changes nothing, and no one
// reaches another organization's rows.
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

interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  payload?: object;
}

describe.each(dialects)('permissions on %s', (dialect) => {
  let h: Harness;
  const who: Record<'admin' | 'manager' | 'usher' | 'temp' | 'foreign', Device> = {} as never;
  let reads: Route[];
  let writes: Route[];
  let ours: string[];
  beforeAll(async () => {
    h = await createHarness(dialect);
    who.admin = await login(h.app, 'admin@demo.rollcall.test');
    who.manager = await login(h.app, 'manager@demo.rollcall.test');
    who.usher = await login(h.app, 'usher1@demo.rollcall.test');
    who.temp = await login(h.app, 'temp@demo.rollcall.test');
    who.foreign = await login(h.app, 'admin@other.demo.rollcall.test');
    const ben = await login(h.app, 'usher2@demo.rollcall.test');
    const session = h.demo.sessions[0]!.id;
    const p = h.demo.participants[0]!.id;
    await push(h.app, who.usher, [
      change(who.usher, h.clock.now(), { sessionId: session, participantId: p, state: 'present' }),
    ]);
    const c = await push(h.app, ben, [
      change(ben, h.clock.now(), { sessionId: session, participantId: p, state: 'absent' }),
    ]);
    const conflictId = c.results[0]!.conflictId!;
    const assignment = await h.db.kysely
      .selectFrom('usher_assignments')
      .select('id')
      .where('organization_id', '=', h.demo.organizationId)
      .executeTakeFirstOrThrow();
    const excuse = await h.app.inject({
      method: 'POST',
      url: '/api/v1/excuses',
      headers: auth(who.admin),
      payload: { sessionId: session, participantId: p, reason: 'away' },
    });
    const excuseId = excuse.json().id;
    ours = [
      who.usher.userId,
      who.usher.deviceId,
      ben.userId,
      ben.deviceId,
      who.manager.userId,
      conflictId,
      c.historyId,
      excuseId,
      session,
      p,
    ];
    reads = [
      { method: 'GET', url: '/api/v1/conflicts' },
      { method: 'GET', url: `/api/v1/conflicts/${conflictId}` },
      { method: 'GET', url: '/api/v1/sync-history' },
      { method: 'GET', url: `/api/v1/sync-history/${c.historyId}` },
      { method: 'GET', url: '/api/v1/devices' },
      { method: 'GET', url: '/api/v1/users' },
      { method: 'GET', url: '/api/v1/excuses' },
      { method: 'GET', url: `/api/v1/sessions/${session}/live` },
    ];
    writes = [
      {
        method: 'POST',
        url: `/api/v1/conflicts/${conflictId}/resolve`,
        payload: { choice: 'keep_b' },
      },
      {
        method: 'POST',
        url: '/api/v1/conflicts/bulk-resolve',
        payload: { ids: [conflictId], resolution: { choice: 'keep_a' } },
      },
      { method: 'POST', url: `/api/v1/assignments/${assignment.id}/revoke` },
      { method: 'POST', url: `/api/v1/devices/${ben.deviceId}/revoke` },
      {
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          email: 'x@example.test',
          displayName: 'X',
          role: 'usher',
          password: 'long-enough-password',
        },
      },
      {
        method: 'POST',
        url: '/api/v1/participants',
        payload: { firstName: 'New', lastName: 'Person' },
      },
      { method: 'PATCH', url: `/api/v1/participants/${p}`, payload: { firstName: 'Renamed' } },
      { method: 'POST', url: `/api/v1/participants/${p}/rotate-qr` },
      {
        method: 'POST',
        url: '/api/v1/sessions',
        payload: {
          name: 'S',
          scheduledStart: '2026-11-22T10:00:00.000Z',
          scheduledEnd: '2026-11-22T11:00:00.000Z',
        },
      },
      { method: 'PATCH', url: `/api/v1/sessions/${session}`, payload: { name: 'Renamed' } },
      { method: 'POST', url: '/api/v1/groups', payload: { name: 'G' } },
      { method: 'POST', url: `/api/v1/excuses/${excuseId}/approve`, payload: {} },
      { method: 'POST', url: `/api/v1/excuses/${excuseId}/reject`, payload: {} },
    ];
  });
  afterAll(() => h.close());

  const send = (d: Device, r: Route) =>
    h.app.inject({
      method: r.method,
      url: r.url,
      headers: auth(d),
      ...(r.payload ? { payload: r.payload } : {}),
    });

  it('ushers and temporary ushers reach none of the admin side', async () => {
    for (const d of [who.usher, who.temp]) {
      for (const r of [...reads, ...writes])
        expect({ r: r.url, status: (await send(d, r)).statusCode }).toEqual({
          r: r.url,
          status: 403,
        });
    }
  });

  it('a manager reads everything and changes nothing', async () => {
    for (const r of reads)
      expect({ r: r.url, status: (await send(who.manager, r)).statusCode }).toEqual({
        r: r.url,
        status: 200,
      });
    for (const r of writes) {
      const res = await send(who.manager, r);
      expect({ r: r.url, status: res.statusCode }).toEqual({ r: r.url, status: 403 });
      expect(res.json().message).toMatch(/needs the role admin/);
    }
  });

  it("another organization's admin finds none of these rows", async () => {
    for (const r of [...reads, ...writes]) {
      const res = await send(who.foreign, r);
      if (r.method === 'GET' && !/\/[0-9a-f-]{36}(\/|$)/.test(r.url)) {
        expect(res.statusCode).toBe(200);
        const body = res.body;
        for (const id of [h.demo.organizationId, ...ours])
          expect({ r: r.url, leaked: body.includes(id) }).toEqual({ r: r.url, leaked: false });
      } else if (
        r.url.endsWith('/users') ||
        r.url.endsWith('/participants') ||
        r.url.endsWith('/sessions') ||
        r.url.endsWith('/groups')
      ) {
        expect(res.statusCode).toBe(201); // creates in its own organization
      } else {
        expect({ r: r.url, status: res.statusCode }).toEqual({ r: r.url, status: 404 });
      }
    }
  });
});
