// A device's name is chosen at sign-in and renamed later by whoever uses it; admins see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Harness } from '../../test/harness.ts';

describe.each(dialects)('device names on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const listed = async (deviceId: string) => {
    const admin = await login(h.app, 'admin@demo.rollcall.test');
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/devices', headers: auth(admin) });
    return (res.json().items as { id: string; name: string | null }[]).find(
      (d) => d.id === deviceId,
    )?.name;
  };

  it('keeps the name given at sign-in', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: {
        email: 'usher1@demo.rollcall.test',
        password: 'rollcall-demo',
        deviceName: 'Front door tablet',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(await listed(res.json().deviceId)).toBe('Front door tablet');
  });

  it('lets an usher rename their own device, and only their own', async () => {
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const other = await login(h.app, 'usher2@demo.rollcall.test');
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/device',
      headers: auth(d),
      payload: { name: '  Side entrance phone ' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: d.deviceId, name: 'Side entrance phone' });
    expect(await listed(d.deviceId)).toBe('Side entrance phone');
    expect(await listed(other.deviceId)).toBe('test');
  });

  it('refuses a blank name', async () => {
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/device',
      headers: auth(d),
      payload: { name: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(await listed(d.deviceId)).toBe('test');
  });
});
