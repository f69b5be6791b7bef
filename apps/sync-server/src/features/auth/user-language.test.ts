// A user's own language (issue 13): any signed-in user sets it, it is audited, and the login answer
// (password step and code step) and GET /me carry it; null hands it back to the organization.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';
import { base32Decode, totpAt } from './totp.ts';

const STRONG = 'violet-harbor-lantern-42';

describe.each(dialects)("a user's own language on %s", (dialect) => {
  let h: Harness;
  let admin: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const setLanguage = (d: Device, payload: unknown) =>
    h.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/language',
      headers: auth(d),
      payload: payload as object,
    });
  const signIn = (email: string, password = 'rollcall-demo') =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, deviceName: 'phone' },
    });
  const me = async (d: Device) =>
    (await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(d) })).json();
  const auditOf = async (id: string) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/audit?entity=user&entityId=${id}&action=language_change`,
        headers: auth(admin),
      })
    ).json().items as { action: string; oldValues: unknown; newValues: unknown }[];

  it('follows the organization until the user chooses (null on the login answer and /me)', async () => {
    const res = await signIn('usher1@demo.rollcall.test');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.language).toBeNull();
    const usher = await login(h.app, 'usher1@demo.rollcall.test');
    expect((await me(usher)).user.language).toBeNull();
  });

  it('stores an usher’s choice, returns it on the next login and on /me, and audits it', async () => {
    const usher = await login(h.app, 'usher2@demo.rollcall.test');
    const set = await setLanguage(usher, { language: 'es' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ language: 'es' });
    expect((await signIn('usher2@demo.rollcall.test')).json().user.language).toBe('es');
    expect((await me(usher)).user.language).toBe('es');
    // Back to the organization's default.
    expect((await setLanguage(usher, { language: null })).json()).toEqual({ language: null });
    expect((await signIn('usher2@demo.rollcall.test')).json().user.language).toBeNull();
    // Both changes logged with the value each replaced (one clock tick: order not asserted).
    const entries = (await auditOf(usher.userId)).map((e) => [e.oldValues, e.newValues]);
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(
      expect.arrayContaining([
        [{ language: null }, { language: 'es' }],
        [{ language: 'es' }, { language: null }],
      ]),
    );
  });

  it('refuses a language the app does not ship, or a body without one, and says why', async () => {
    const usher = await login(h.app, 'usher1@demo.rollcall.test');
    for (const payload of [{ language: 'fr' }, {}, { language: 'es', extra: 1 }, { language: 3 }]) {
      const res = await setLanguage(usher, payload);
      expect({ payload, status: res.statusCode }).toEqual({ payload, status: 400 });
      expect(res.json().message).toMatch(/language|extra|must/i);
    }
    expect((await me(usher)).user.language).toBeNull();
    expect(
      (
        await h.app.inject({
          method: 'PATCH',
          url: '/api/v1/me/language',
          payload: { language: 'es' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('carries the choice on the code step of a two-step sign-in', async () => {
    const email = 'language-totp@demo.rollcall.test';
    const post = (url: string, payload?: object, as?: Device) =>
      h.app.inject({ method: 'POST', url, headers: as ? auth(as) : {}, payload });
    expect(
      (
        await post(
          '/api/v1/users',
          { email, displayName: 'Lena', role: 'admin', password: STRONG },
          admin,
        )
      ).statusCode,
    ).toBe(201);
    const device = await login(h.app, email, STRONG);
    expect((await setLanguage(device, { language: 'es' })).statusCode).toBe(200);
    const { secret } = (await post('/api/v1/me/totp', undefined, device)).json<{
      secret: string;
    }>();
    const code = () => totpAt(base32Decode(secret), h.clock.now());
    expect((await post('/api/v1/me/totp/confirm', { code: code() }, device)).statusCode).toBe(200);
    h.clock.advance(30_000); // the confirming code's step is used
    const first = await signIn(email, STRONG);
    expect(first.statusCode).toBe(202);
    const done = await post('/api/v1/auth/login/totp', {
      challenge: first.json().challenge,
      code: code(),
      deviceName: 'phone',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.language).toBe('es');
  });
});
