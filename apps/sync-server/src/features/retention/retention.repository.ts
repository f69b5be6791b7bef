// Retention queries: count (for a dry run) and delete what is older than an organization's limits,
// and anonymize a deleted organization. The audit log refuses deletes (0002-audit-guard) unless
// the transaction opened the gate (0004-reports-retention); `purgeAudit` opens and closes it.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;
type Counted = 'presence_records' | 'changes' | 'sync_conflicts' | 'excuses';
export const ANONYMIZED_NAME = { first: 'Anonymized', last: 'Participant' };
const ANONYMIZED_EMAIL_DOMAIN = '@anonymized.invalid';

export const organizations = (db: Q) =>
  db
    .selectFrom('organizations')
    .select(['id', 'name', 'slug', 'settings', 'deleted_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

const oldSessions = (db: Q, org: string, before: string) =>
  db
    .selectFrom('sessions')
    .select('id')
    .where('organization_id', '=', org)
    .where('scheduled_start', '<', before);

/** The rows of sessions that started before `before`: records, their change log, conflicts, excuses. */
export async function countBySession(db: Q, org: string, before: string) {
  const count = async (table: Counted) => {
    const row = await db
      .selectFrom(table as 'changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', org)
      .where('session_id', 'in', oldSessions(db, org, before))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return {
    presenceRecords: await count('presence_records'),
    changes: await count('changes'),
    conflicts: await count('sync_conflicts'),
    excuses: await count('excuses'),
  };
}

/** The presence records `deleteBySession` will remove, oldest write first: what devices must drop. */
export const recordsBySession = (trx: Transaction<Database>, org: string, before: string) =>
  trx
    .selectFrom('presence_records')
    .select(['id', 'session_id', 'participant_id'])
    .where('organization_id', '=', org)
    .where('session_id', 'in', oldSessions(trx, org, before))
    .orderBy('seq')
    .execute();

export async function insertTombstones(
  trx: Transaction<Database>,
  rows: Insertable<Database['tombstones']>[],
) {
  // A few hundred rows per statement keeps under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('tombstones')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function deleteBySession(trx: Transaction<Database>, org: string, before: string) {
  const remove = async (table: Counted) => {
    const r = await trx
      .deleteFrom(table as 'changes')
      .where('organization_id', '=', org)
      .where('session_id', 'in', oldSessions(trx, org, before))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  };
  return {
    presenceRecords: await remove('presence_records'),
    changes: await remove('changes'),
    conflicts: await remove('sync_conflicts'),
    excuses: await remove('excuses'),
  };
}

export async function countAudit(db: Q, org: string, before: string | null) {
  let q = db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', org);
  if (before) q = q.where('at', '<', before);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** Notifications created before `before` (all of them when null); they live as long as the audit log. */
export async function countNotifications(db: Q, org: string, before: string | null) {
  let q = db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', org);
  if (before) q = q.where('created_at', '<', before);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

export async function purgeNotifications(
  trx: Transaction<Database>,
  org: string,
  before: string | null,
) {
  let q = trx.deleteFrom('notifications').where('organization_id', '=', org);
  if (before) q = q.where('created_at', '<', before);
  return Number((await q.executeTakeFirst()).numDeletedRows);
}

/** Deletes an organization's audit entries before `before` (all of them when null). */
export async function purgeAudit(
  trx: Transaction<Database>,
  dialect: Dialect,
  org: string,
  before: string | null,
) {
  const guard = trx.withTables<{ audit_guard: { id: number; purging: number } }>();
  if (dialect === 'postgres')
    await sql`SELECT set_config('rollcall.retention', 'on', true)`.execute(trx);
  else await guard.updateTable('audit_guard').set({ purging: 1 }).where('id', '=', 1).execute();
  let q = trx.deleteFrom('audit_log').where('organization_id', '=', org);
  if (before) q = q.where('at', '<', before);
  const removed = Number((await q.executeTakeFirst()).numDeletedRows);
  if (dialect === 'postgres')
    await sql`SELECT set_config('rollcall.retention', 'off', true)`.execute(trx);
  else await guard.updateTable('audit_guard').set({ purging: 0 }).where('id', '=', 1).execute();
  return removed;
}

const participantsToAnonymize = (db: Q, org: string) =>
  db
    .selectFrom('participants')
    .where('organization_id', '=', org)
    .where((eb) =>
      eb.or([
        eb('first_name', '!=', ANONYMIZED_NAME.first),
        eb('last_name', '!=', ANONYMIZED_NAME.last),
        eb('preferred_name', 'is not', null),
        eb('guardian_name', 'is not', null),
        eb('guardian_phone', 'is not', null),
        eb('external_key', 'is not', null),
        eb('extra', '!=', '{}'),
      ]),
    );
const usersToAnonymize = (db: Q, org: string) =>
  db
    .selectFrom('users')
    .where('organization_id', '=', org)
    .where('email', 'not like', `%${ANONYMIZED_EMAIL_DOMAIN}`);

/** What anonymizing would touch: people not yet anonymized, and every personal payload left. */
export async function countAnonymize(db: Q, org: string) {
  const count = async (table: 'changes' | 'sync_rejections' | 'excuses') =>
    Number(
      (
        await db
          .selectFrom(table as 'changes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organization_id', '=', org)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  return {
    participants: Number(
      (
        await participantsToAnonymize(db, org)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    ),
    users: Number(
      (
        await usersToAnonymize(db, org)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    ),
    changes: await count('changes'),
    rejections: await count('sync_rejections'),
    excuses: await count('excuses'),
  };
}

/** Replaces names and contact details, disables logins, and deletes payloads that hold names. */
export async function anonymize(trx: Transaction<Database>, org: string, nowIso: string) {
  const participants = await trx
    .updateTable('participants')
    .set({
      first_name: ANONYMIZED_NAME.first,
      last_name: ANONYMIZED_NAME.last,
      preferred_name: null,
      guardian_name: null,
      guardian_phone: null,
      external_key: null,
      extra: '{}',
      updated_at: nowIso,
    })
    .where('id', 'in', participantsToAnonymize(trx, org).select('id'))
    .executeTakeFirst();
  const users = await trx
    .updateTable('users')
    .set({
      email: sql<string>`'deleted-' || id || ${ANONYMIZED_EMAIL_DOMAIN}`,
      display_name: 'Deleted user',
      password_hash: '!',
      active: 0,
      shared_email: null,
      totp_secret: null,
      totp_pending_secret: null,
      totp_recovery_hashes: null,
      updated_at: nowIso,
    })
    .where('id', 'in', usersToAnonymize(trx, org).select('id'))
    .executeTakeFirst();
  await trx
    .updateTable('devices')
    .set({ name: null, access_hash: null, refresh_hash: null, revoked_at: nowIso })
    .where('organization_id', '=', org)
    .where('revoked_at', 'is', null)
    .execute();
  const remove = async (table: 'changes' | 'sync_rejections' | 'excuses') =>
    Number(
      (
        await trx
          .deleteFrom(table as 'changes')
          .where('organization_id', '=', org)
          .executeTakeFirst()
      ).numDeletedRows,
    );
  return {
    participants: Number(participants.numUpdatedRows),
    users: Number(users.numUpdatedRows),
    changes: await remove('changes'),
    rejections: await remove('sync_rejections'),
    excuses: await remove('excuses'),
  };
}

export const organizationSettings = (db: Q, org: string) =>
  db
    .selectFrom('organizations')
    .select(['id', 'settings'])
    .where('id', '=', org)
    .executeTakeFirstOrThrow();

export const saveOrganizationSettings = (db: Q, org: string, settings: string) =>
  db.updateTable('organizations').set({ settings }).where('id', '=', org).execute();
