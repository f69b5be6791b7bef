// Retention on both databases: old presence and audit go (per-organization limits), an
// organization deleted 90+ days ago is anonymized, the dry run changes nothing, and the audit log
// stays append-only for everyone but the retention transaction.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { uuidv7 } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo-seed.ts';
import { dialects } from '../../test/test-db.ts';
import { change, createHarness, login, push, type Harness } from '../../test/harness.ts';
import {
  applyRetention,
  planRetention,
  policyOf,
  yearsBefore,
  type OrgRetention,
} from './retention.service.ts';

describe('retention policy', () => {
  it('reads per-organization limits and falls back to the defaults with a note', () => {
    expect(policyOf('{"labels":{}}')).toEqual({
      policy: { presenceYears: 3, auditYears: 1 },
      problems: [],
    });
    expect(policyOf('{"retention":{"presenceYears":5,"auditYears":0.5}}').policy).toEqual({
      presenceYears: 5,
      auditYears: 0.5,
    });
    expect(policyOf('{"retention.presenceYears":7}').policy).toEqual({
      presenceYears: 7,
      auditYears: 1,
    });
    const bad = policyOf('{"retention":{"presenceYears":0,"auditYears":"forever"}}');
    expect(bad.policy).toEqual({ presenceYears: 3, auditYears: 1 });
    expect(bad.problems).toHaveLength(2);
    expect(yearsBefore(Date.parse('2026-11-22T09:30:00.000Z'), 3)).toBe('2023-11-22T09:30:00.000Z');
  });
});

const OLD = '2022-10-01T10:00:00.000Z'; // more than 3 (and less than 5) years before the clock's 2026-11-22
const by = (plans: OrgRetention[], slug: string) => plans.find((p) => p.slug === slug)!;

describe.each(dialects)('retention on %s', (dialect) => {
  let h: Harness;
  let gone: Awaited<ReturnType<typeof seedDemo>>;
  let recent: Awaited<ReturnType<typeof seedDemo>>;
  const S = { old: uuidv7(), kept: uuidv7(), otherOld: uuidv7(), goneOld: uuidv7() };

  const session = (id: string, org: string, start: string) =>
    h.db.kysely
      .insertInto('sessions')
      .values({
        id,
        organization_id: org,
        name: 'Old',
        location: null,
        scheduled_start: start,
        scheduled_end: start,
        actual_start: null,
        actual_end: null,
        status: 'completed',
        late_after_minutes: null,
        updated_at: start,
        seq: 0,
      })
      .execute();
  const audit = (org: string, at: string) =>
    h.db.kysely
      .insertInto('audit_log')
      .values({
        id: uuidv7(),
        organization_id: org,
        at,
        user_id: null,
        device_id: null,
        source: 'test',
        action: 'edit',
        entity: 'participant',
        entity_id: 'x',
        old_values: '{"firstName":"Ana"}',
        new_values: null,
      })
      .execute();
  const auditCount = async (org: string) =>
    Number(
      (await h.db.kysely
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', org)
        .executeTakeFirst())!.n,
    );

  beforeAll(async () => {
    h = await createHarness(dialect);
    const db = h.db.kysely;
    const grace = h.demo.organizationId;
    gone = await seedDemo(db, h.clock, { participants: 3, slug: 'gone', name: 'Gone Org' });
    recent = await seedDemo(db, h.clock, { participants: 3, slug: 'recent', name: 'Recent Org' });
    await session(S.old, grace, OLD);
    await session(S.kept, grace, '2024-06-01T10:00:00.000Z');
    await session(S.otherOld, h.other.organizationId, OLD);
    await session(S.goneOld, gone.organizationId, OLD);
    const [ana, ben] = [
      await login(h.app, 'usher1@demo.rollcall.test'),
      await login(h.app, 'usher2@demo.rollcall.test'),
    ];
    const p = h.demo.participants.map((x) => x.id);
    // Old records were pushed when they were recent: today a push for them is refused (past retention).
    const today = h.clock.now();
    h.clock.set(Date.parse(OLD) + 3600_000);
    await push(
      h.app,
      ana,
      [0, 1, 2].map((i) => change(ana, h.clock.now(), { sessionId: S.old, participantId: p[i]! })),
    );
    await push(
      h.app,
      ana,
      [3, 4].map((i) => change(ana, h.clock.now(), { sessionId: S.kept, participantId: p[i]! })),
    );
    h.clock.advance(1000);
    expect(
      (
        await push(h.app, ben, [
          change(ben, h.clock.now(), { sessionId: S.old, participantId: p[0]!, state: 'absent' }),
        ])
      ).results[0]!.status,
    ).toBe('conflict');
    const otherUsher = await login(h.app, 'usher1@other.demo.rollcall.test');
    await push(h.app, otherUsher, [
      change(otherUsher, h.clock.now(), {
        sessionId: S.otherOld,
        participantId: h.other.participants[0]!.id,
      }),
    ]);
    const goneUsher = await login(h.app, 'usher1@gone.demo.rollcall.test');
    await push(h.app, goneUsher, [
      change(goneUsher, h.clock.now(), {
        sessionId: S.goneOld,
        participantId: gone.participants[0]!.id,
      }),
    ]);
    h.clock.set(today + 1000);
    await db
      .insertInto('excuses')
      .values({
        id: uuidv7(),
        organization_id: grace,
        session_id: S.old,
        participant_id: p[5]!,
        reason: 'flu',
        attachment_name: null,
        attachment_type: null,
        attachment_base64: null,
        status: 'pending',
        submitted_by: h.demo.users.manager!,
        submitted_at: OLD,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    for (const at of [
      '2025-01-01T00:00:00.000Z',
      '2025-06-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ])
      await audit(grace, at);
    for (const at of ['2022-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z'])
      await audit(h.other.organizationId, at);
    for (const at of ['2025-01-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'])
      await audit(gone.organizationId, at);
    await db
      .updateTable('organizations')
      .set({ settings: JSON.stringify({ retention: { presenceYears: 5, auditYears: 3 } }) })
      .where('id', '=', h.other.organizationId)
      .execute();
    await db
      .updateTable('participants')
      .set({
        guardian_name: 'Gina Guardian',
        guardian_phone: '+1 555 0100',
        extra: '{"allergy":"nuts"}',
      })
      .where('id', '=', gone.participants[0]!.id)
      .execute();
    // A notification that names someone, in the organization to anonymize and (old) in ours.
    const note = (org: string, user: string, at: string) => ({
      id: uuidv7(),
      organization_id: org,
      user_id: user,
      kind: 'drifting',
      title: 'Drifting',
      body: 'Ana Mensah missed 2 of 3',
      payload: '{}',
      link_type: 'session',
      link_id: S.old,
      dedupe_key: `drifting:${at}`,
      created_at: at,
      read_at: null,
    });
    await db
      .insertInto('notifications')
      .values([
        note(gone.organizationId, gone.users.manager!, '2026-10-01T00:00:00.000Z'),
        note(grace, h.demo.users.manager!, '2025-01-01T00:00:00.000Z'),
      ])
      .execute();
    await db
      .updateTable('organizations')
      .set({ deleted_at: '2026-08-01T00:00:00.000Z' })
      .where('id', '=', gone.organizationId)
      .execute();
    await db
      .updateTable('organizations')
      .set({ deleted_at: '2026-11-01T00:00:00.000Z' })
      .where('id', '=', recent.organizationId)
      .execute();
  });
  afterAll(() => h.close());

  it('plans per organization without changing anything', async () => {
    const before = await auditCount(h.demo.organizationId);
    const plans = await planRetention(h.db, h.clock.now());
    expect(by(plans, 'grace')).toMatchObject({
      presenceBefore: '2023-11-22T09:30:01.000Z',
      auditBefore: '2025-11-22T09:30:01.000Z',
      // The old conflict left an audit entry and a notification to the admin and the manager, all old.
      removed: {
        presenceRecords: 3,
        changes: 4,
        conflicts: 1,
        excuses: 1,
        auditEntries: 3,
        notifications: 3,
      },
      anonymized: null,
    });
    expect(by(plans, 'other')).toMatchObject({
      policy: { presenceYears: 5, auditYears: 3 },
      removed: { presenceRecords: 0, changes: 0, auditEntries: 1 },
      anonymized: null,
    });
    expect(by(plans, 'gone')).toMatchObject({
      removed: { presenceRecords: 1, changes: 1, auditEntries: 1 },
      anonymized: {
        participants: 3,
        users: 5,
        changes: 0,
        rejections: 0,
        excuses: 0,
        auditEntries: 1,
        notifications: 1,
      },
    });
    expect(by(plans, 'recent').anonymized).toBeNull();
    expect(await auditCount(h.demo.organizationId)).toBe(before);
  });

  it('removes what the plan said, anonymizes the long-deleted organization, and is idempotent', async () => {
    const db = h.db.kysely;
    const planned = await planRetention(h.db, h.clock.now());
    const done = await applyRetention(h.db, h.clock.now());
    expect(done.map((d) => [d.slug, d.removed, d.anonymized])).toEqual(
      planned.map((d) => [d.slug, d.removed, d.anonymized]),
    );
    expect(
      await db
        .selectFrom('presence_records')
        .select('session_id')
        .where('session_id', 'in', [S.old, S.kept, S.otherOld])
        .execute(),
    ).toEqual(expect.arrayContaining([{ session_id: S.kept }, { session_id: S.otherOld }]));
    expect(
      await db
        .selectFrom('presence_records')
        .select('id')
        .where('session_id', '=', S.old)
        .execute(),
    ).toHaveLength(0);
    expect(
      (
        await db
          .selectFrom('audit_log')
          .select('at')
          .where('organization_id', '=', h.other.organizationId)
          .execute()
      ).map((a) => a.at),
    ).toEqual(['2025-06-01T00:00:00.000Z']);
    const people = await db
      .selectFrom('participants')
      .selectAll()
      .where('organization_id', '=', gone.organizationId)
      .execute();
    expect(
      people.every(
        (x) =>
          x.first_name === 'Anonymized' &&
          x.guardian_name === null &&
          x.guardian_phone === null &&
          x.extra === '{}' &&
          x.external_key === null,
      ),
    ).toBe(true);
    const users = await db
      .selectFrom('users')
      .select(['email', 'display_name', 'active'])
      .where('organization_id', '=', gone.organizationId)
      .execute();
    expect(
      users.every(
        (u) =>
          u.email.endsWith('@anonymized.invalid') &&
          u.display_name === 'Deleted user' &&
          u.active === 0,
      ),
    ).toBe(true);
    expect(await auditCount(gone.organizationId)).toBe(0);
    expect(
      (
        await db
          .selectFrom('participants')
          .select('first_name')
          .where('organization_id', '=', recent.organizationId)
          .execute()
      ).some((x) => x.first_name !== 'Anonymized'),
    ).toBe(true);
    const again = await planRetention(h.db, h.clock.now());
    expect(again.every((p) => Object.values(p.removed).every((n) => n === 0))).toBe(true);
    expect(by(again, 'gone').anonymized).toEqual({
      participants: 0,
      users: 0,
      changes: 0,
      rejections: 0,
      excuses: 0,
      auditEntries: 0,
      notifications: 0,
    });
  });

  it('leaves the audit log append-only for everyone else', async () => {
    const db = h.db.kysely;
    await audit(h.demo.organizationId, '2020-01-01T00:00:00.000Z');
    await expect(
      db.deleteFrom('audit_log').where('at', '=', '2020-01-01T00:00:00.000Z').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      db
        .updateTable('audit_log')
        .set({ action: 'tampered' })
        .where('organization_id', '=', h.demo.organizationId)
        .execute(),
    ).rejects.toThrow(/append-only/);
    // Retention ran above (twice): the gate it opened inside its transactions is shut for everyone else.
    await expect(
      db
        .transaction()
        .execute((trx) =>
          trx.deleteFrom('audit_log').where('at', '=', '2020-01-01T00:00:00.000Z').execute(),
        ),
    ).rejects.toThrow(/append-only/);
    expect(
      (await applyRetention(h.db, h.clock.now())).find((r) => r.slug === 'grace')!.removed
        .auditEntries,
    ).toBe(1);
  });
});

describe('cli retention', () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-retention-'));
  const env = { ...process.env, SQLITE_PATH: join(dir, 'db.sqlite') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: resolve(import.meta.dirname, '../../..'),
      env,
    });

  it('prints a dry run per organization, executes, and needs one of the two flags', async () => {
    await cli('seed-demo');
    const dry = await cli('retention', '--dry-run');
    expect(dry.stdout).toMatch(/dry run .*nothing was changed/);
    expect(dry.stdout).toMatch(
      /Grace Community Church \(grace\):\n {2}presence of sessions before \d{4}-\d{2}-\d{2} \(3 years\): would remove 0 records/,
    );
    expect((await cli('retention', '--execute')).stdout).toMatch(
      /audit entries and notifications before .* \(1 years\): removed 0 and 0/,
    );
    await expect(cli('retention')).rejects.toMatchObject({
      stderr: expect.stringMatching(/exactly one of --dry-run, --execute/),
    });
  }, 60_000);
});
