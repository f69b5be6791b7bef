// Refresh tokens rotate: one winner among concurrent refreshes, reuse of a retired token signs the
// device out (after a short grace for races), and no sign-in lasts longer than 180 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, refresh, type Harness } from '../../test/harness.ts';

const DAY = 24 * 3600_000;

describe.each(dialects)('refresh token rotation on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const refreshWith = (refreshToken: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
  const me = (token: string) =>
    h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });

  it('lets exactly one of three concurrent refreshes of one token win', async () => {
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const answers = await Promise.all([1, 2, 3].map(() => refreshWith(d.refreshToken)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    for (const r of answers.filter((a) => a.statusCode === 409))
      expect(r.json().code).toBe('refresh_superseded');
    // The winner's credentials work; the losers did not sign the device out.
    const winner = answers.find((r) => r.statusCode === 200)!.json().credentials;
    expect((await me(winner.accessToken)).statusCode).toBe(200);
    expect((await refreshWith(winner.refreshToken)).statusCode).toBe(200);
  });

  it('issues a new refresh token each time and refuses the old one within the grace', async () => {
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const old = d.refreshToken;
    await refresh(h.app, d);
    expect(d.refreshToken).not.toBe(old);
    h.clock.advance(10_000);
    const again = await refreshWith(old);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('refresh_superseded');
    // Within the grace a retried request is a race, not a theft: the device stays signed in.
    expect((await me(d.token)).statusCode).toBe(200);
    expect((await refreshWith(d.refreshToken)).statusCode).toBe(200);
  });

  it('signs the device out and audits it when a rotated token is reused after the grace', async () => {
    const admin = await login(h.app, 'admin@demo.rollcall.test');
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    const stolen = d.refreshToken;
    await refresh(h.app, d);
    h.clock.advance(60_000);
    const reuse = await refreshWith(stolen);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('refresh_reused');
    // Neither the thief's copy nor the device's current credentials work any more.
    expect((await me(d.token)).statusCode).toBe(401);
    expect((await refreshWith(d.refreshToken)).statusCode).toBe(401);
    expect((await refreshWith(stolen)).statusCode).toBe(401);
    const log = await h.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entity=device&entityId=${d.deviceId}`,
      headers: auth(admin),
    });
    expect(log.statusCode).toBe(200);
    expect(log.json().items.map((e: { action: string }) => e.action)).toContain('refresh_reuse');
  });

  it('refuses refresh 180 days after sign-in however often the device refreshed', async () => {
    const d = await login(h.app, 'usher2@demo.rollcall.test');
    for (let day = 50; day < 180; day += 50) {
      h.clock.advance(50 * DAY);
      await refresh(h.app, d);
    }
    h.clock.advance(31 * DAY); // day 181: the last refresh token is only 31 days old
    const res = await refreshWith(d.refreshToken);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_too_old');
    // A fresh sign-in starts a new 180 days.
    const fresh = await login(h.app, 'usher2@demo.rollcall.test');
    expect((await refreshWith(fresh.refreshToken)).statusCode).toBe(200);
  });

  it('never hands out credentials that outlive the sign-in', async () => {
    const signedIn = h.clock.now();
    const d = await login(h.app, 'usher1@demo.rollcall.test');
    h.clock.advance(55 * DAY);
    await refresh(h.app, d);
    h.clock.advance(55 * DAY);
    await refresh(h.app, d);
    h.clock.advance(55 * DAY); // day 165: 60 more days would pass day 180
    const res = await refreshWith(d.refreshToken);
    expect(res.statusCode).toBe(200);
    expect(res.json().credentials.refreshExpiresAt).toBe(
      new Date(signedIn + 180 * DAY).toISOString(),
    );
  });
});
