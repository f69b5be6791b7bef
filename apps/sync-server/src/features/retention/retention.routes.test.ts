// Retention limits set by an admin in the app: stored for the retention command, previewed, audited,
// kept through other settings edits, and never sent to devices.
import { uuidv7 } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  pullAll,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';
import { planRetention } from './retention.service.ts';

describe.each(dialects)('retention settings on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let manager: Device;
  let usher: Device;
  const sessionId = uuidv7();
  beforeAll(async () => {
    h = await createHarness(dialect);
    [admin, manager, usher] = [
      await login(h.app, 'admin@demo.rollcall.test'),
      await login(h.app, 'manager@demo.rollcall.test'),
      await login(h.app, 'usher1@demo.rollcall.test'),
    ];
    // One session four years back with one record: kept under 5 years, removed under 3.
    const at = '2022-11-01T10:00:00.000Z';
    await h.db.kysely
      .insertInto('sessions')
      .values({
        id: sessionId,
        organization_id: h.demo.organizationId,
        name: 'Old',
        location: null,
        scheduled_start: at,
        scheduled_end: at,
        actual_start: null,
        actual_end: null,
        status: 'completed',
        late_after_minutes: null,
        updated_at: at,
        seq: 0,
      })
      .execute();
    await h.db.kysely
      .insertInto('presence_records')
      .values({
        id: uuidv7(),
        organization_id: h.demo.organizationId,
        session_id: sessionId,
        participant_id: h.demo.participants[0]!.id,
        state: 'present',
        method: 'qr',
        recorded_at: at,
        recorded_by: manager.userId,
        device_id: 'd',
        change_id: uuidv7(),
        version: 1,
        has_conflict: 0,
        conflict_id: null,
        key_state: '{}',
        created_at: at,
        updated_at: at,
        seq: 0,
      })
      .execute();
  });
  afterAll(() => h.close());

  const get = (who: Device) =>
    h.app.inject({ method: 'GET', url: '/api/v1/organization/retention', headers: auth(who) });
  const put = (who: Device, body: object) =>
    h.app.inject({
      method: 'PUT',
      url: '/api/v1/organization/retention',
      headers: auth(who),
      payload: body,
    });

  it('shows the defaults and what the command would remove today', async () => {
    const res = await get(manager);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      policy: { presenceYears: 3, auditYears: 1 },
      defaults: { presenceYears: 3, auditYears: 1 },
      problems: [],
    });
    expect(res.json().preview).toMatchObject({
      presenceBefore: '2023-11-22T09:30:00.000Z',
      removed: { presenceRecords: 1 },
    });
  });

  it('stores new limits for the retention command, audits them and keeps them through other edits', async () => {
    const res = await put(admin, { presenceYears: 5, auditYears: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      policy: { presenceYears: 5, auditYears: 2 },
      preview: { presenceBefore: '2021-11-22T09:30:00.000Z', removed: { presenceRecords: 0 } },
    });
    const patched = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(admin),
      payload: { settings: { lateAfterMinutes: 12 } },
    });
    expect(patched.statusCode).toBe(200);
    const plan = (await planRetention(h.db, h.clock.now())).find(
      (p) => p.organizationId === h.demo.organizationId,
    )!;
    expect(plan.policy).toEqual({ presenceYears: 5, auditYears: 2 });
    const audit = await h.db.kysely
      .selectFrom('audit_log')
      .select(['old_values', 'new_values'])
      .where('action', '=', 'retention')
      .execute();
    expect(audit.map((a) => JSON.parse(a.new_values!))).toEqual([
      { retention: { presenceYears: 5, auditYears: 2 } },
    ]);
    const pulled = await pullAll(h.app, usher);
    expect(JSON.stringify(pulled.pages.map((p) => p.organization))).not.toContain('presenceYears');
  });

  it('says what is wrong with a limit and lets only admins change it', async () => {
    const bad = await put(admin, { presenceYears: 0, auditYears: 'forever' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body/auditYears', 'body/presenceYears']);
    expect((await put(manager, { presenceYears: 4, auditYears: 1 })).statusCode).toBe(403);
    expect((await get(usher)).statusCode).toBe(403);
    expect((await get(admin)).json().policy).toEqual({ presenceYears: 5, auditYears: 2 });
  });

  it('refuses a change for a session past the limit, so a late device cannot bring purged records back', async () => {
    const p = h.demo.participants[1]!.id;
    expect((await put(admin, { presenceYears: 3, auditYears: 1 })).statusCode).toBe(200);
    const refused = await push(h.app, usher, [
      change(usher, h.clock.now(), { sessionId, participantId: p, state: 'present' }),
    ]);
    expect(refused.results[0]).toMatchObject({
      status: 'rejected',
      code: 'past_retention',
      reason: expect.stringMatching(
        /^Session "Old" \(2022-11-01\) is older than your organization keeps attendance \(since 2023-11-22\)$/,
      ),
    });
    expect((await put(admin, { presenceYears: 5, auditYears: 1 })).statusCode).toBe(200);
    const applied = await push(h.app, usher, [
      change(usher, h.clock.now(), { sessionId, participantId: p, state: 'present' }),
    ]);
    expect(applied.results[0]!.status).toBe('applied');
  });
});
