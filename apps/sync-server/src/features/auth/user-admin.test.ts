// Administering accounts: deactivate, change role, reset a password; a user's own password
// change; and the password policy wherever a password is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';

const STRONG = 'violet-harbor-lantern-42';

describe.each(dialects)('user administration on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const patchUser = (id: string, payload: object, as = admin) =>
    h.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: auth(as), payload });
  const setPassword = (id: string, password: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/password`,
      headers: auth(admin),
      payload: { password },
    });
  const me = (d: Device) => h.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(d) });
  const tryLogin = (email: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const createUser = (payload: object) =>
    h.app.inject({ method: 'POST', url: '/api/v1/users', headers: auth(admin), payload });
  const auditActions = async (id: string) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/audit?entity=user&entityId=${id}`,
        headers: auth(admin),
      })
    )
      .json()
      .items.map((e: { action: string }) => e.action);

  it('deactivates a user: their devices stop at once, refresh and login are refused', async () => {
    const d = await login(h.app, 'usher2@demo.rollcall.test');
    const id = d.userId;
    expect((await patchUser(id, { active: false })).statusCode).toBe(204);
    expect((await me(d)).statusCode).toBe(401);
    const refresh = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: d.refreshToken },
    });
    expect(refresh.json().code).toBe('user_deactivated');
    expect((await tryLogin('usher2@demo.rollcall.test', 'rollcall-demo')).statusCode).toBe(401);
    expect((await patchUser(id, { active: true })).statusCode).toBe(204);
    expect((await tryLogin('usher2@demo.rollcall.test', 'rollcall-demo')).statusCode).toBe(200);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['update']));
  });

  it('changes a role with effect on the existing device, and keeps one active admin', async () => {
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const users = () => h.app.inject({ method: 'GET', url: '/api/v1/users', headers: auth(d) });
    expect((await users()).statusCode).toBe(403);
    expect((await patchUser(d.userId, { role: 'manager', displayName: 'Ana M.' })).statusCode).toBe(
      204,
    );
    expect((await users()).statusCode).toBe(200);
    expect((await me(d)).json().user).toMatchObject({ role: 'manager', displayName: 'Ana M.' });
    expect((await patchUser(d.userId, { role: 'usher' })).statusCode).toBe(204);
    expect((await users()).statusCode).toBe(403);
    const last = await patchUser(admin.userId, { active: false });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('last_admin');
    expect((await patchUser(admin.userId, { role: 'usher' })).json().code).toBe('last_admin');
  });

  it('lets only an admin of the same organization change a user', async () => {
    const manager = await login(h.app, 'manager@demo.rollcall.test');
    const target = h.demo.users.usher1!;
    expect((await patchUser(target, { active: false }, manager)).statusCode).toBe(403);
    const theirs = h.other.users.usher1!;
    expect((await patchUser(theirs, { active: false })).statusCode).toBe(404);
    expect((await setPassword(theirs, STRONG)).statusCode).toBe(404);
  });

  it('resets a password: the policy applies, every device of the user signs out', async () => {
    const d = await login(h.app, 'manager@demo.rollcall.test');
    const short = await setPassword(d.userId, 'eleven-char');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'weak_password',
      message: expect.stringContaining('12 characters'),
    });
    expect((await setPassword(d.userId, 'qwertyuiop123')).json().code).toBe('weak_password');
    expect((await setPassword(d.userId, STRONG)).statusCode).toBe(204);
    expect((await me(d)).statusCode).toBe(401);
    expect((await tryLogin('manager@demo.rollcall.test', 'rollcall-demo')).statusCode).toBe(401);
    expect((await tryLogin('manager@demo.rollcall.test', STRONG)).statusCode).toBe(200);
    expect(await auditActions(d.userId)).toContain('password_reset');
  });

  it("changes one's own password with the current one; other devices sign out", async () => {
    const here = await login(h.app, 'usher1@demo.rollcall.test');
    const there = await login(h.app, 'usher1@demo.rollcall.test');
    const change = (currentPassword: string, newPassword: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: auth(here),
        payload: { currentPassword, newPassword },
      });
    expect((await change('not-it', STRONG)).json().code).toBe('wrong_password');
    expect((await change('rollcall-demo', 'password1')).json().code).toBe('weak_password');
    expect((await change('rollcall-demo', 'short')).json().message).toContain('8 characters');
    expect((await change('rollcall-demo', STRONG)).statusCode).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(there)).statusCode).toBe(401);
    expect((await tryLogin('usher1@demo.rollcall.test', STRONG)).statusCode).toBe(200);
  });

  it('refuses short and common passwords when creating users, by role', async () => {
    const base = { displayName: 'New Person' };
    const adminShort = await createUser({
      ...base,
      email: 'a1@demo.rollcall.test',
      role: 'admin',
      password: 'x7$kq2!mzp',
    });
    expect(adminShort.statusCode).toBe(400);
    expect(adminShort.json()).toMatchObject({
      code: 'weak_password',
      details: [{ path: 'body/password' }],
    });
    const common = await createUser({
      ...base,
      email: 'u1@demo.rollcall.test',
      role: 'usher',
      password: 'Password1',
    });
    expect(common.json().code).toBe('weak_password');
    const usherOk = await createUser({
      ...base,
      email: 'u2@demo.rollcall.test',
      role: 'usher',
      password: 'x7$kq2!m',
    });
    expect(usherOk.statusCode).toBe(201);
    const adminOk = await createUser({
      ...base,
      email: 'a2@demo.rollcall.test',
      role: 'admin',
      password: STRONG,
    });
    expect(adminOk.statusCode).toBe(201);
  });
});
