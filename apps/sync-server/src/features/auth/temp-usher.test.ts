// A temporary usher's changes: accepted before expiry, accepted (and marked) within the grace
// period when recorded before expiry, refused when recorded after it; after a revocation the same
// rules with the revocation as the cutoff, and no more roster, stream or new credentials.
import { formatHlc } from '@rollcall/conflict';
import { PROTOCOL_VERSION, type Change, type PushResponse } from '@rollcall/shared';
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
  let taraTablet: Device; // a second device whose clock has not passed the expiry yet
  let expiresAt: number;
  const session = () => h.demo.sessions[0]!.id;
  const person = (i: number) => h.demo.participants[i]!.id;
  beforeAll(async () => {
    h = await createHarness(dialect);
    tara = await login(h.app, 'temp@demo.rollcall.test');
    taraTablet = await login(h.app, 'temp@demo.rollcall.test');
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
    const late = change(taraTablet, expiresAt - 1000, {
      sessionId: session(),
      participantId: person(3),
    });
    h.clock.set(expiresAt + 23 * 3600_000);
    await refresh(h.app, taraTablet); // still within the grace period: credentials may be renewed
    h.clock.set(expiresAt + 25 * 3600_000);
    const res = await push(h.app, taraTablet, [late]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'grace_period_over' });
  });

  it('shows the expiry to admins without any job running, and judges each change once revoked', async () => {
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
    const res = await push(h.app, taraTablet, [
      change(taraTablet, expiresAt - 500, { sessionId: session(), participantId: person(4) }),
    ]);
    // Revoked a day after it expired: the earlier close (expiry) and its grace period still rule.
    expect(res.statusCode).toBe(200);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'grace_period_over' });
  });
});

const MIN = 60_000;
const HOUR = 3600_000;

/** A push as the app sends it, with how many changes the device has waiting. */
async function pushCounting(h: Harness, device: Device, changes: Change[], pendingCount: number) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: auth(device),
    payload: { protocolVersion: PROTOCOL_VERSION, changes, pendingCount },
  });
  return { ...res.json<PushResponse>(), statusCode: res.statusCode };
}

const get = (h: Harness, device: Device, url: string) =>
  h.app.inject({ method: 'GET', url, headers: auth(device) });

async function refreshStatus(h: Harness, device: Device) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken: device.refreshToken },
  });
  if (res.statusCode === 200) {
    device.token = res.json().credentials.accessToken;
    device.refreshToken = res.json().credentials.refreshToken;
  }
  return { status: res.statusCode, code: res.json().code as string | undefined };
}

/** The event stream's answer, or 'open' when it started streaming (then it is closed). */
async function streamStatus(h: Harness, device: Device) {
  await h.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => {});
  const address = h.app.server.address() as { port: number };
  const abort = new AbortController();
  const res = await fetch(
    `http://127.0.0.1:${address.port}/api/v1/sync/stream?access_token=${encodeURIComponent(device.token)}`,
    { signal: abort.signal },
  );
  const out = res.ok
    ? 'open'
    : { status: res.status, code: ((await res.json()) as { code: string }).code };
  abort.abort();
  return out;
}

async function usherRow(h: Harness, admin: Device, userId: string) {
  const users = (await get(h, admin, '/api/v1/users')).json().items as {
    id: string;
    assignment: {
      id: string;
      status: string;
      expiresAt: string;
      lateAccepted: number;
      refused: number;
      devices: { id: string; pendingCount: number | null }[];
    };
  }[];
  return users.find((u) => u.id === userId)!.assignment;
}

describe.each(dialects)('revoking a temporary usher mid-shift on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let tara: Device;
  let taraSecondPhone: Device;
  let t0: number;
  let assignmentId: string;
  const session = () => h.demo.sessions[0]!.id;
  const person = (i: number) => h.demo.participants[i]!.id;
  beforeAll(async () => {
    h = await createHarness(dialect);
    t0 = h.clock.now();
    admin = await login(h.app, 'admin@demo.rollcall.test');
    tara = await login(h.app, 'temp@demo.rollcall.test');
    taraSecondPhone = await login(h.app, 'temp@demo.rollcall.test');
    assignmentId = (await usherRow(h, admin, tara.userId)).id;
  });
  afterAll(() => h.close());

  it('applies and marks what was recorded before the revocation, and rejects what came after, change by change', async () => {
    const before = [
      change(tara, t0 + 10 * MIN, { sessionId: session(), participantId: person(0) }),
      change(tara, t0 + 20 * MIN, { sessionId: session(), participantId: person(1) }),
    ];
    h.clock.set(t0 + 30 * MIN);
    const revoke = await h.app.inject({
      method: 'POST',
      url: `/api/v1/assignments/${assignmentId}/revoke`,
      headers: auth(admin),
    });
    expect(revoke.statusCode).toBe(204);
    // Offline, the phone does not know yet and keeps recording.
    const after = change(tara, t0 + 40 * MIN, { sessionId: session(), participantId: person(2) });
    h.clock.set(t0 + 50 * MIN);
    const res = await pushCounting(h, tara, [...before, after], 3);
    expect(res.statusCode).toBe(200);
    expect(res.results[0]).toMatchObject({ status: 'applied', graceAccepted: true });
    expect(res.results[1]).toMatchObject({ status: 'applied', graceAccepted: true });
    expect(res.results[2]).toMatchObject({ status: 'rejected', code: 'assignment_revoked' });
    expect(res.results[2]!.reason).toMatch(
      /after your assignment was revoked at 2026-11-22T10:00:00/,
    );
    const stored = await h.db.kysely
      .selectFrom('changes')
      .select(['change_id', 'grace_accepted'])
      .where(
        'change_id',
        'in',
        before.map((c) => c.changeId),
      )
      .execute();
    expect(stored.map((r) => r.grace_accepted)).toEqual([1, 1]);
    const row = await usherRow(h, admin, tara.userId);
    expect(row).toMatchObject({ status: 'revoked', lateAccepted: 2, refused: 1 });
    // What the device still has to send after this push (it reported 3 with these 3 in them).
    expect(row.devices.find((d) => d.id === tara.deviceId)?.pendingCount).toBe(0);
    // Revoking again does not move the cutoff.
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/assignments/${assignmentId}/revoke`,
      headers: auth(admin),
    });
    const again = await h.db.kysely
      .selectFrom('usher_assignments')
      .select('revoked_at')
      .where('id', '=', assignmentId)
      .executeTakeFirstOrThrow();
    expect(again.revoked_at).toBe(new Date(t0 + 30 * MIN).toISOString());
  });

  it('places a change before or after the revocation by its HLC, as the conflict rules order it, not by recordedAt', async () => {
    const hlcAfter = change(tara, t0 + 45 * MIN, {
      sessionId: session(),
      participantId: person(3),
      recordedAt: new Date(t0 + 5 * MIN).toISOString(),
    });
    const hlcBefore = {
      ...change(tara, t0 + 46 * MIN, { sessionId: session(), participantId: person(4) }),
      hlc: formatHlc({ wallMs: t0 + 25 * MIN, counter: 0, nodeId: tara.nodeId }),
    };
    const res = await pushCounting(h, tara, [hlcAfter, hlcBefore], 2);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'assignment_revoked' });
    expect(res.results[1]).toMatchObject({ status: 'applied', graceAccepted: true });
  });

  it('refuses pull, the event stream, token refresh and roster reads once revoked; /me says so', async () => {
    const pull = await get(h, tara, '/api/v1/sync/pull');
    expect([pull.statusCode, pull.json().code]).toEqual([403, 'assignment_revoked']);
    expect(await streamStatus(h, tara)).toEqual({ status: 403, code: 'assignment_revoked' });
    const roster = await get(h, tara, '/api/v1/participants');
    expect([roster.statusCode, roster.json().code]).toEqual([403, 'assignment_revoked']);
    expect(await refreshStatus(h, tara)).toEqual({ status: 403, code: 'assignment_revoked' });
    const me = await get(h, tara, '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().assignment.status).toBe('revoked');
  });

  it('keeps push open with the last access token until the grace period ends, past its own expiry', async () => {
    const recorded = change(taraSecondPhone, t0 + 29 * MIN, {
      sessionId: session(),
      participantId: person(5),
    });
    h.clock.set(t0 + 13 * HOUR); // the access token (12 h) has expired and refresh is refused
    const res = await pushCounting(h, taraSecondPhone, [recorded], 1);
    expect(res.statusCode).toBe(200);
    expect(res.results[0]).toMatchObject({ status: 'applied', graceAccepted: true });
    h.clock.set(t0 + 30 * MIN + 25 * HOUR); // past the 24-hour grace after the revocation
    const late = await pushCounting(h, taraSecondPhone, [recorded], 1);
    expect([late.statusCode, (late as unknown as { code: string }).code]).toEqual([
      401,
      'token_expired',
    ]);
    expect(await refreshStatus(h, taraSecondPhone)).toEqual({
      status: 403,
      code: 'assignment_revoked',
    });
  });
});

describe.each(dialects)('ending a temporary usher shift now on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let sam: Device;
  let t0: number;
  let assignmentId: string;
  const session = () => h.demo.sessions[0]!.id;
  const person = (i: number) => h.demo.participants[i]!.id;
  beforeAll(async () => {
    h = await createHarness(dialect);
    t0 = h.clock.now();
    admin = await login(h.app, 'admin@demo.rollcall.test');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth(admin),
      payload: {
        email: 'sam@demo.rollcall.test',
        displayName: 'Sam Stand-in',
        role: 'temp_usher',
        password: 'rollcall-demo',
        assignment: { expiresAt: new Date(t0 + 8 * HOUR).toISOString() },
      },
    });
    expect(created.statusCode).toBe(201);
    sam = await login(h.app, 'sam@demo.rollcall.test');
    assignmentId = (await usherRow(h, admin, sam.userId)).id;
  });
  afterAll(() => h.close());

  it('sets the expiry to now: earlier check-ins are accepted within the grace period, later ones refused by their HLC', async () => {
    const before = change(sam, t0 + 5 * MIN, { sessionId: session(), participantId: person(0) });
    // recordedAt says before the end, the HLC (what the conflict rules use) says after it.
    const after = change(sam, t0 + 15 * MIN, {
      sessionId: session(),
      participantId: person(1),
      recordedAt: new Date(t0 + 5 * MIN).toISOString(),
    });
    h.clock.set(t0 + 10 * MIN);
    const end = await h.app.inject({
      method: 'POST',
      url: `/api/v1/assignments/${assignmentId}/end`,
      headers: auth(admin),
    });
    expect([end.statusCode, end.json().expiresAt]).toEqual([
      200,
      new Date(t0 + 10 * MIN).toISOString(),
    ]);
    expect((await usherRow(h, admin, sam.userId)).status).toBe('expired');
    const twice = await h.app.inject({
      method: 'POST',
      url: `/api/v1/assignments/${assignmentId}/end`,
      headers: auth(admin),
    });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'assignment_not_active']);

    h.clock.set(t0 + 20 * MIN);
    const res = await pushCounting(h, sam, [before, after], 2);
    expect(res.results[0]).toMatchObject({ status: 'applied', graceAccepted: true });
    expect(res.results[1]).toMatchObject({ status: 'rejected', code: 'assignment_expired' });
  });

  it('still lets an ended shift pull and refresh during the grace period, and refuses both after it', async () => {
    expect((await get(h, sam, '/api/v1/sync/pull')).statusCode).toBe(200);
    expect((await refreshStatus(h, sam)).status).toBe(200);
    h.clock.set(t0 + 10 * MIN + 25 * HOUR);
    const pull = await get(h, sam, '/api/v1/sync/pull');
    expect([pull.statusCode, pull.json().code]).toEqual([403, 'assignment_expired']);
    expect(await refreshStatus(h, sam)).toEqual({ status: 403, code: 'assignment_expired' });
  });
});
