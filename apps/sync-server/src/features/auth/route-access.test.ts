// Every API route, read from the app as it registered them (not from a list kept by hand): each
// one either checks the caller's role before reading its body, or is named below on purpose.
// A new route without a role check fails here until someone decides who may call it.
import { randomUUID } from 'node:crypto';
import type { Role } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';
import type { ApiRoute } from '../../plugins/route-access.ts';

/** Reachable without credentials. */
const PUBLIC = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/totp',
  'POST /api/v1/auth/refresh',
];
/** Any signed-in device, whatever its role: what an usher's phone needs to work. */
const SIGNED_IN = [
  'GET /api/v1/groups',
  'GET /api/v1/me',
  'GET /api/v1/presence-states',
  'GET /api/v1/sessions',
  'GET /api/v1/sync/pull',
  'GET /api/v1/sync/stream',
  'PATCH /api/v1/me/device',
  'PATCH /api/v1/me/language',
  'POST /api/v1/auth/logout',
  'POST /api/v1/me/password',
  'POST /api/v1/sync/push',
];
const ROLES: Role[] = ['admin', 'manager', 'usher', 'temp_usher'];
const EMAILS: Record<Role, string> = {
  admin: 'admin@demo.rollcall.test',
  manager: 'manager@demo.rollcall.test',
  usher: 'usher1@demo.rollcall.test',
  temp_usher: 'temp@demo.rollcall.test',
};

const key = (r: ApiRoute) => `${r.method} ${r.url}`;
const withAccess = (routes: ApiRoute[], access: string) =>
  routes
    .filter((r) => r.access === access)
    .map(key)
    .sort();
const guarded = (routes: ApiRoute[]) =>
  routes.flatMap((r) => (typeof r.access === 'string' ? [] : [{ ...r, roles: r.access }]));

describe.each(dialects)('route access on %s', (dialect) => {
  let h: Harness;
  const as = {} as Record<Role, Device>;
  beforeAll(async () => {
    h = await createHarness(dialect);
    for (const role of ROLES) as[role] = await login(h.app, EMAILS[role]);
  });
  afterAll(() => h.close());

  // A malformed JSON body: a route that read it before checking the role would answer 400.
  const call = (r: ApiRoute, device?: Device) =>
    h.app.inject({
      method: r.method as 'GET',
      url: r.url.replace(/:[a-zA-Z]+/g, () => randomUUID()),
      headers: {
        ...(device ? auth(device) : {}),
        ...(r.method === 'GET' ? {} : { 'content-type': 'application/json' }),
      },
      ...(r.method === 'GET' ? {} : { payload: '{"not json' }),
    });

  it('registers the routes it is expected to, each with a declared access', () => {
    expect(h.app.apiRoutes.length).toBeGreaterThan(PUBLIC.length + SIGNED_IN.length);
    expect(withAccess(h.app.apiRoutes, 'public')).toEqual([...PUBLIC].sort());
    expect(withAccess(h.app.apiRoutes, 'signed-in')).toEqual([...SIGNED_IN].sort());
  });

  it('refuses every route but the public ones without credentials', async () => {
    for (const r of h.app.apiRoutes.filter((x) => x.access !== 'public'))
      expect({ r: key(r), status: (await call(r)).statusCode }).toEqual({ r: key(r), status: 401 });
  });

  it('refuses each role a route does not name, before reading its body', async () => {
    for (const r of guarded(h.app.apiRoutes)) {
      for (const role of ROLES.filter((x) => !r.roles.includes(x))) {
        const res = await call(r, as[role]);
        expect({ r: key(r), role, status: res.statusCode }).toEqual({
          r: key(r),
          role,
          status: 403,
        });
        expect(res.json().message).toMatch(/needs the role/);
      }
    }
  });

  it('lets each role a route names past the role check', async () => {
    for (const r of guarded(h.app.apiRoutes).filter((x) => !x.url.endsWith('/stream'))) {
      for (const role of r.roles) {
        const status = (await call(r, as[role])).statusCode;
        expect({ r: key(r), role, refused: status === 401 || status === 403 }).toEqual({
          r: key(r),
          role,
          refused: false,
        });
      }
    }
  });
});
