// All SQL of the push path. Reads are one query per kind per batch; writes are multi-row,
// set-based statements (about 30x faster than per-change statements on PostgreSQL here).
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type {
  ChangeTable,
  Database,
  ParticipantTable,
  PresenceRecordTable,
  SyncConflictTable,
  AuditLogTable,
  SyncRejectionTable,
  MembershipTable,
} from '../../db/schema.ts';
import { chunk } from '../../lib/json.ts';

type Trx = Transaction<Database>;
// Stay well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const rowsPerStatement = (columns: number) => Math.max(1, Math.floor(16_000 / columns));

export async function findChanges(trx: Trx, ids: string[]) {
  const out = [];
  for (const part of chunk(ids, 2000)) {
    if (part.length === 0) continue;
    out.push(
      ...(await trx
        .selectFrom('changes')
        .select([
          'change_id',
          'organization_id',
          'device_id',
          'status',
          'version',
          'conflict_id',
          'grace_accepted',
          'payload',
        ])
        .where('change_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

/** The seqs among `seqs` that this device already used for a stored change. */
export async function findDeviceSeqs(trx: Trx, deviceId: string, seqs: number[]) {
  const out = new Set<number>();
  for (const part of chunk([...new Set(seqs)], 2000)) {
    if (part.length === 0) continue;
    const rows = await trx
      .selectFrom('changes')
      .select('device_seq')
      .where('device_id', '=', deviceId)
      .where('device_seq', 'in', part)
      .execute();
    for (const r of rows) out.add(Number(r.device_seq));
  }
  return out;
}

export async function findSessions(trx: Trx, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('sessions')
    .select(['id', 'status', 'name', 'scheduled_start'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

export async function findParticipantIds(trx: Trx, organizationId: string, ids: string[]) {
  const out: string[] = [];
  for (const part of chunk(ids, 2000)) {
    if (part.length === 0) continue;
    const rows = await trx
      .selectFrom('participants')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('id', 'in', part)
      .execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

/** Ids taken in ANY organization: participant ids are one key space (the primary key). */
export async function findTakenParticipantIds(trx: Trx, ids: string[]) {
  const out = new Set<string>();
  for (const part of chunk(ids, 2000)) {
    if (part.length === 0) continue;
    const rows = await trx
      .selectFrom('participants')
      .select('id')
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export async function findExternalKeys(trx: Trx, organizationId: string, keys: string[]) {
  const out = new Set<string>();
  for (const part of chunk(keys, 2000)) {
    if (part.length === 0) continue;
    const rows = await trx
      .selectFrom('participants')
      .select('external_key')
      .where('organization_id', '=', organizationId)
      .where('external_key', 'in', part)
      .execute();
    for (const r of rows) if (r.external_key !== null) out.add(r.external_key);
  }
  return out;
}

export async function findParticipantCodes(trx: Trx, organizationId: string, codes: string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await trx
    .selectFrom('participants')
    .select('personal_code')
    .where('organization_id', '=', organizationId)
    .where('personal_code', 'in', codes)
    .execute();
  return new Set(rows.map((r) => r.personal_code));
}

export async function findRecords(
  trx: Trx,
  organizationId: string,
  sessionIds: string[],
  participantIds: string[],
) {
  const out = [];
  for (const part of chunk(participantIds, 2000)) {
    if (part.length === 0 || sessionIds.length === 0) continue;
    const rows = await recordsByKey(trx, sessionIds, part).execute();
    out.push(...rows.filter((r) => r.organization_id === organizationId));
  }
  return out;
}

/**
 * Records by their (session, participant) key. The organization is checked on the rows, not in
 * SQL: with `organization_id = ?` in the WHERE, SQLite plans on presence_records_org_seq and reads
 * every record of the organization on every push, instead of a few through the unique key.
 */
export const recordsByKey = (
  trx: Trx | Kysely<Database>,
  sessionIds: string[],
  participantIds: string[],
) =>
  trx
    .selectFrom('presence_records')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .where('participant_id', 'in', participantIds);

// What a presence record's upsert replaces: everything but its id, key, organization and birth.
const RECORD_UPDATES = [
  'state',
  'method',
  'recorded_at',
  'recorded_by',
  'device_id',
  'change_id',
  'version',
  'has_conflict',
  'conflict_id',
  'key_state',
  'left_at',
  'departure',
  'updated_at',
  'seq',
] as const;

export async function upsertRecords(
  trx: Trx,
  dialect: Dialect,
  rows: Insertable<PresenceRecordTable>[],
) {
  const update = sql.join(
    RECORD_UPDATES.map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`),
  );
  await insertJsonRows(
    trx,
    dialect,
    'presence_records',
    rows,
    sql`on conflict (session_id, participant_id) do update set ${update}`,
  );
}

/**
 * Rows of one push in one statement with one bound parameter: the rows travel as a JSON array and
 * the database unpacks them (json_populate_recordset, jsonb_each). Bound one value each, a batch of
 * 200 records is ~4,000 parameters: PostgreSQL parsed and planned that statement afresh every push
 * (the largest part of a push's database time), and Kysely built a node per value.
 * Every row must carry the same columns; a value is stored as JSON gives it (text, integer, null).
 */
export async function insertJsonRows<T extends 'changes' | 'presence_records' | 'audit_log'>(
  trx: Trx,
  dialect: Dialect,
  table: T,
  rows: Insertable<
    { changes: ChangeTable; presence_records: PresenceRecordTable; audit_log: AuditLogTable }[T]
  >[],
  onConflict = sql``,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  // Far below PostgreSQL's 1 GB text and SQLite's 1 GB string limits; bounds the statement's memory.
  for (const part of chunk(rows, 2000)) {
    const json = JSON.stringify(part);
    const source =
      dialect === 'postgres'
        ? sql`select ${list} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`
        : // jsonb_each parses the array once and hands each row over in binary, so reading a
          // column does not parse the row's text again (json_each did, once per column: half the
          // insert's time). WHERE true: SQLite reads ON CONFLICT after a bare FROM as a join
          // constraint.
          sql`select ${sql.join(columns.map((c) => sql`value ->> ${`$.${c}`}`))} from jsonb_each(${json}) where true`;
    await sql`insert into ${sql.table(table)} (${list}) ${source} ${onConflict}`.execute(trx);
  }
}

export async function insertMany<
  T extends 'changes' | 'audit_log' | 'sync_rejections' | 'participants' | 'group_memberships',
>(
  trx: Trx,
  table: T,
  rows: Insertable<
    {
      changes: ChangeTable;
      audit_log: AuditLogTable;
      sync_rejections: SyncRejectionTable;
      participants: ParticipantTable;
      group_memberships: MembershipTable;
    }[T]
  >[],
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  for (const part of chunk(rows, rowsPerStatement(columns))) {
    // The union of table types defeats Kysely's inference; the caller's row type is checked above.
    await trx
      .insertInto(table)
      .values(part as never)
      .execute();
  }
}

export async function saveConflicts(
  trx: Trx,
  created: Insertable<SyncConflictTable>[],
  updated: Insertable<SyncConflictTable>[],
) {
  if (created.length) await trx.insertInto('sync_conflicts').values(created).execute();
  for (const c of updated) {
    await trx
      .updateTable('sync_conflicts')
      .set({
        status: c.status,
        version_a: c.version_a,
        version_b: c.version_b,
        other_versions: c.other_versions,
        rule: c.rule,
        updated_at: c.updated_at,
        resolved_at: c.resolved_at,
      })
      .where('id', '=', c.id)
      .execute();
  }
}
