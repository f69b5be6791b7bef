// All SQL of the push path. Reads are one query per kind per batch; writes are multi-row,
// set-based statements (about 30x faster than per-change statements on PostgreSQL here).
import type { Insertable, Kysely, Transaction } from 'kysely';
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

export async function upsertRecords(trx: Trx, rows: Insertable<PresenceRecordTable>[]) {
  for (const part of chunk(rows, rowsPerStatement(19))) {
    await trx
      .insertInto('presence_records')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['session_id', 'participant_id']).doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          method: eb.ref('excluded.method'),
          recorded_at: eb.ref('excluded.recorded_at'),
          recorded_by: eb.ref('excluded.recorded_by'),
          device_id: eb.ref('excluded.device_id'),
          change_id: eb.ref('excluded.change_id'),
          version: eb.ref('excluded.version'),
          has_conflict: eb.ref('excluded.has_conflict'),
          conflict_id: eb.ref('excluded.conflict_id'),
          key_state: eb.ref('excluded.key_state'),
          left_at: eb.ref('excluded.left_at'),
          departure: eb.ref('excluded.departure'),
          updated_at: eb.ref('excluded.updated_at'),
          seq: eb.ref('excluded.seq'),
        })),
      )
      .execute();
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
