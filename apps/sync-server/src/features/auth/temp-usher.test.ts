// A temporary usher's changes: accepted before expiry, accepted (and marked) within the grace
// period when recorded before expiry, refused when recorded after it, refused after revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  push,
  refresh,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('temporary usher on %s', (dialect) => {
  let h: Harness;
  let tara: Device;
  let expiresAt: number;
  const session = () => h.demo.sessions[0]!.id;
  const person = (i: number) => h.demo.participants[i]!.id;
  beforeAll(async () => {
    h = await createHarness(dialect);
    tara = await login(h.app, 'temp@demo.rollcall.test');
    const a = await h.db.kysely
      .selectFrom('usher_assignments')
      .selectAll()
      .where('user_id', '=', tara.userId)
      .executeTakeFirstOrThrow();
    expiresAt = Date.parse(a.expires_at);
  });
  afterAll(() => h.close());

  it('accepts changes while the assignment is active and counts them', async () => {
    const res = await push(h.app, tara, [
      change(tara, h.clock.now(), { sessionId: session(), participantId: person(0) }),
    ]);
    expect(res.results[0]).toMatchObject({ status: 'applied' });
    expect(res.results[0]!.graceAccepted).toBeUndefined();
    const a = await h.db.kysely
      .selectFrom('usher_assignments')
      .selectAll()
      .where('user_id', '=', tara.userId)
      .executeTakeFirstOrThrow();
    expect([a.checkins_count, a.qr_count]).toEqual([1, 1]);
  });

  it('accepts, within the grace period, what was recorded before expiry, and marks it', async () => {
    const before = change(tara, expiresAt - 60_000, {
      sessionId: session(),
      participantId: person(1),
    });
    const after = change(tara, expiresAt + 60_000, {
      sessionId: session(),
      participantId: person(2),
    });
    h.clock.set(expiresAt + 3600_000);
    const res = await push(h.app, tara, [before, after]);
    expect(res.results[0]).toMatchObject({ status: 'applied', graceAccepted: true });
    expect(res.results[1]).toMatchObject({ status: 'rejected', code: 'assignment_expired' });
    expect(res.results[1]!.reason).toMatch(/after your assignment expired/);
    const stored = await h.db.kysely
      .selectFrom('changes')
      .select('grace_accepted')
      .where('change_id', '=', before.changeId)
      .executeTakeFirstOrThrow();
    expect(stored.grace_accepted).toBe(1);
  });

  it('refuses what arrives after the grace period', async () => {
    const late = change(tara, expiresAt - 1000, { sessionId: session(), participantId: person(3) });
    h.clock.set(expiresAt + 25 * 3600_000);
    await refresh(h.app, tara); // a day later the access token has expired too
    const res = await push(h.app, tara, [late]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'grace_period_over' });
  });

  it('shows the expiry to admins without any job running, and refuses everything once revoked', async () => {
    const admin = await login(h.app, 'admin@demo.rollcall.test');
    const relogin = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'temp@demo.rollcall.test', password: 'rollcall-demo' },
    });
    expect(relogin.json().code).toBe('assignment_expired');
    const users = (
      await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: auth(admin) })
    ).json().items;
    const t = users.find((u: { role: string }) => u.role === 'temp_usher');
    expect(t.assignment.status).toBe('expired');
    const revoke = await h.app.inject({
      method: 'POST',
      url: `/api/v1/assignments/${t.assignment.id}/revoke`,
      headers: auth(admin),
    });
    expect(revoke.statusCode).toBe(204);
    const res = await push(h.app, tara, [
      change(tara, expiresAt - 1000, { sessionId: session(), participantId: person(4) }),
    ]);
    expect(res.statusCode).toBe(403);
    expect((res as unknown as { code: string }).code).toBe('assignment_revoked');
  });
});
