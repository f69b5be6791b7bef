import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, change, createHarness, login, push, type Harness } from '../../test/harness.ts';

describe.each(dialects)('auth on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  it('logs in with email and password and binds the credentials to a new device', async () => {
    const d = await login(h.app, 'USHER1@demo.rollcall.test');
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(d) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      deviceId: d.deviceId,
      user: { role: 'usher', displayName: 'Ana Usher' },
    });
    const row = await h.db.kysely
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', d.deviceId)
      .executeTakeFirstOrThrow();
    expect(row.access_hash).not.toContain(d.token.split('.')[2]); // only a hash is stored
  });

  it('names the field and the problem in a validation error', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body/email', 'body/password']),
    );
  });

  it('locks an account after repeated failures', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'usher2@demo.rollcall.test', password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'usher2@demo.rollcall.test', password: 'rollcall-demo' },
    });
    expect(locked.statusCode).toBe(423);
    h.clock.advance(16 * 60_000);
    await expect(login(h.app, 'usher2@demo.rollcall.test')).resolves.toBeTruthy();
  });

  it('refuses requests without credentials or with a forged token', async () => {
    const none = await h.app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
    expect(none.statusCode).toBe(401);
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const forged = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: { authorization: `Bearer rc1.${d.deviceId}.forged` },
    });
    expect(forged.json().code).toBe('unauthorized');
  });

  it('refuses a revoked device', async () => {
    const admin = await login(h.app, 'admin@demo.rollcall.test');
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const revoke = await h.app.inject({
      method: 'POST',
      url: `/api/v1/devices/${d.deviceId}/revoke`,
      headers: auth(admin),
    });
    expect(revoke.statusCode).toBe(204);
    const res = await push(h.app, d, [
      change(d, h.clock.now(), {
        sessionId: h.demo.sessions[0]!.id,
        participantId: h.demo.participants[0]!.id,
      }),
    ]);
    expect(res.statusCode).toBe(401);
    expect((res as unknown as { code: string }).code).toBe('device_revoked');
  });

  it('expires access tokens and renews them with the refresh token', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'usher1@demo.rollcall.test', password: 'rollcall-demo' },
    });
    const { credentials } = res.json();
    h.clock.advance(13 * 3600_000);
    const expired = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${credentials.accessToken}` },
    });
    expect(expired.json().code).toBe('token_expired');
    const refreshed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: credentials.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    const again = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${refreshed.json().credentials.accessToken}` },
    });
    expect(again.statusCode).toBe(200);
  });

  it("never shows or changes another organization's rows", async () => {
    const admin = await login(h.app, 'admin@demo.rollcall.test');
    const otherAdmin = await login(h.app, 'admin@other.demo.rollcall.test');
    const theirs = h.other.participants[0]!.id;
    const patch = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${theirs}`,
      headers: auth(admin),
      payload: { firstName: 'Hacked' },
    });
    expect(patch.statusCode).toBe(404);
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/v1/participants?limit=1000',
      headers: auth(otherAdmin),
    });
    expect(
      list
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(h.other.participants.map((p) => p.id).sort());
    const pull = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: auth(otherAdmin),
    });
    const ids = new Set(h.demo.participants.map((p) => p.id));
    expect(pull.json().participants.some((p: { id: string }) => ids.has(p.id))).toBe(false);
    expect(pull.json().organization.slug).toBe('other');
  });
});
