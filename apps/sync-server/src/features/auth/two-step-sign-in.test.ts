// Two-step sign-in (issue 23): enrolling TOTP, the password step's challenge and the code step,
// codes used once, recovery codes, wrong codes locked out like wrong passwords, turning it off,
// and an admin's audited reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';
import { base32Decode, totpAt } from './totp.ts';

const STRONG = 'violet-harbor-lantern-42';
const STEP_MS = 30_000;

describe.each(dialects)('two-step sign-in on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let n = 0;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const post = (url: string, payload?: object, as?: Device) =>
    h.app.inject({ method: 'POST', url, headers: as ? auth(as) : {}, payload });
  const passwordStep = (email: string, password = STRONG) =>
    post('/api/v1/auth/login', { email, password, deviceName: 'phone' });
  const codeStep = (challenge: string, code: string) =>
    post('/api/v1/auth/login/totp', { challenge, code, deviceName: 'phone' });
  const codeNow = (secret: string) => totpAt(base32Decode(secret), h.clock.now());
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

  /** A new admin of the demo organization, signed in, with TOTP on. */
  async function enrolledAdmin() {
    const email = `second-factor-${(n += 1)}@demo.rollcall.test`;
    const created = await post(
      '/api/v1/users',
      { email, displayName: `Admin ${n}`, role: 'admin', password: STRONG },
      admin,
    );
    expect(created.statusCode).toBe(201);
    const device = await login(h.app, email, STRONG);
    const begun = await post('/api/v1/me/totp', undefined, device);
    expect(begun.statusCode).toBe(200);
    const { secret, uri } = begun.json<{ secret: string; uri: string }>();
    expect(uri).toContain(`secret=${secret}`);
    const confirmed = await post('/api/v1/me/totp/confirm', { code: codeNow(secret) }, device);
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    // The confirming code's step is used: the next sign-in waits for the next code.
    h.clock.advance(STEP_MS);
    return { email, secret, recoveryCodes, device, id: device.userId };
  }

  async function challengeFor(email: string) {
    const res = await passwordStep(email);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ totpRequired: true });
    expect(res.json()).not.toHaveProperty('credentials');
    return res.json<{ challenge: string }>().challenge;
  }

  it('enrols with a first code, then signs in with password and code', async () => {
    const a = await enrolledAdmin();
    expect(a.recoveryCodes).toHaveLength(8);
    expect(new Set(a.recoveryCodes).size).toBe(8);
    const status = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me/totp',
      headers: auth(a.device),
    });
    expect(status.json()).toEqual({ enabled: true, recoveryCodesLeft: 8 });
    const signedIn = await codeStep(await challengeFor(a.email), codeNow(a.secret));
    expect(signedIn.statusCode).toBe(200);
    const token = signedIn.json<{ credentials: { accessToken: string } }>().credentials.accessToken;
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().user.id).toBe(a.id);
    expect(await auditActions(a.id)).toContain('totp_enable');
  });

  it('refuses a wrong first code at enrolment, saying which field', async () => {
    const d = await login(h.app, 'manager@demo.rollcall.test');
    const { secret } = (await post('/api/v1/me/totp', undefined, d)).json<{ secret: string }>();
    const wrong = String((Number(codeNow(secret)) + 1) % 1_000_000).padStart(6, '0');
    const res = await post('/api/v1/me/totp/confirm', { code: wrong }, d);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_code', details: [{ path: 'body/code' }] });
    const usher = await login(h.app, 'usher1@demo.rollcall.test');
    expect((await post('/api/v1/me/totp', undefined, usher)).statusCode).toBe(403);
  });

  it('does not accept a code twice, even with a new challenge', async () => {
    const a = await enrolledAdmin();
    const code = codeNow(a.secret);
    expect((await codeStep(await challengeFor(a.email), code)).statusCode).toBe(200);
    const replay = await codeStep(await challengeFor(a.email), code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_code');
    h.clock.advance(STEP_MS);
    expect((await codeStep(await challengeFor(a.email), codeNow(a.secret))).statusCode).toBe(200);
  });

  it('takes a recovery code once, and audits its use', async () => {
    const a = await enrolledAdmin();
    const [first] = a.recoveryCodes;
    const typed = (first ?? '').toUpperCase().replace('-', ' ');
    expect((await codeStep(await challengeFor(a.email), typed)).statusCode).toBe(200);
    const again = await codeStep(await challengeFor(a.email), first ?? '');
    expect(again.statusCode).toBe(401);
    expect(await auditActions(a.id)).toContain('totp_recovery_code_used');
    const status = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me/totp',
      headers: auth(a.device),
    });
    expect(status.json().recoveryCodesLeft).toBe(7);
  });

  it('counts wrong codes toward the lockout, and a right password does not reset it', async () => {
    const a = await enrolledAdmin();
    const wrong = String((Number(codeNow(a.secret)) + 500_000) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      // A fresh password step each time: it must not give the code step a fresh count.
      const res = await codeStep(await challengeFor(a.email), wrong);
      expect(res.json().code).toBe('invalid_code');
    }
    const locked = await passwordStep(a.email);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');
  });

  it('refuses an expired or forged challenge', async () => {
    const a = await enrolledAdmin();
    const challenge = await challengeFor(a.email);
    h.clock.advance(5 * 60_000 + 1);
    const expired = await codeStep(challenge, codeNow(a.secret));
    expect(expired.json().code).toBe('challenge_invalid');
    const forged = await codeStep(`${a.id}.not-the-secret-at-all`, codeNow(a.secret));
    expect(forged.json().code).toBe('challenge_invalid');
  });

  it('turns off with the password; an admin resets another user’s, audited', async () => {
    const a = await enrolledAdmin();
    const wrong = await post('/api/v1/me/totp/disable', { password: 'not it' }, a.device);
    expect(wrong.json()).toMatchObject({
      code: 'wrong_password',
      details: [{ path: 'body/password' }],
    });
    expect((await post('/api/v1/me/totp/disable', { password: STRONG }, a.device)).statusCode).toBe(
      204,
    );
    expect((await passwordStep(a.email)).statusCode).toBe(200);

    const b = await enrolledAdmin();
    const twoStepOf = async (id: string) =>
      (await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: auth(admin) }))
        .json<{ items: { id: string; twoStep: boolean }[] }>()
        .items.find((u) => u.id === id)?.twoStep;
    expect(await twoStepOf(b.id)).toBe(true);
    const other = await login(h.app, 'admin@other.demo.rollcall.test');
    // Another organization's admin finds no such user.
    expect((await post(`/api/v1/users/${b.id}/totp/reset`, undefined, other)).statusCode).toBe(404);
    expect((await post(`/api/v1/users/${b.id}/totp/reset`, undefined, admin)).statusCode).toBe(204);
    expect((await passwordStep(b.email)).statusCode).toBe(200);
    expect(await twoStepOf(b.id)).toBe(false);
    expect(await auditActions(b.id)).toEqual(expect.arrayContaining(['totp_enable', 'totp_reset']));
  });
});
