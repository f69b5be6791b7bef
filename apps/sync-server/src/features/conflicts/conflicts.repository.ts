import type { ConflictListQuery } from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

const base = (db: Q, org: string) =>
  db
    .selectFrom('sync_conflicts as c')
    .innerJoin('sessions as s', 's.id', 'c.session_id')
    .innerJoin('participants as p', 'p.id', 'c.participant_id')
    .where('c.organization_id', '=', org);

const columns = ['s.name as session_name', 'p.first_name', 'p.last_name'] as const;

export async function listConflicts(db: Q, org: string, q: ConflictListQuery) {
  let query = base(db, org);
  if (q.sessionId) query = query.where('c.session_id', '=', q.sessionId);
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.participantId) query = query.where('c.participant_id', '=', q.participantId);
  if (q.from) query = query.where('c.created_at', '>=', q.from);
  if (q.to) query = query.where('c.created_at', '<=', q.to);
  // Versions are JSON text; device and usher filters match inside them portably with LIKE.
  if (q.deviceId)
    query = query.where((eb) =>
      eb.or([
        eb('c.version_a', 'like', `%"deviceId":"${q.deviceId}"%`),
        eb('c.version_b', 'like', `%"deviceId":"${q.deviceId}"%`),
      ]),
    );
  if (q.userId)
    query = query.where((eb) =>
      eb.or([
        eb('c.version_a', 'like', `%"userId":"${q.userId}"%`),
        eb('c.version_b', 'like', `%"userId":"${q.userId}"%`),
      ]),
    );
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .selectAll('c')
    .select([...columns])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export const findConflict = (db: Q, org: string, id: string) =>
  base(db, org)
    .selectAll('c')
    .select([...columns])
    .where('c.id', '=', id)
    .executeTakeFirst();

export const findRecordForConflict = (db: Q, sessionId: string, participantId: string) =>
  db
    .selectFrom('presence_records')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();

export async function namesFor(
  db: Q,
  org: string,
  userIds: string[],
  deviceIds: string[],
  changeIds: string[] = [],
) {
  const [users, devices, changes] = await Promise.all([
    userIds.length
      ? db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('organization_id', '=', org)
          .where('id', 'in', userIds)
          .execute()
      : [],
    deviceIds.length
      ? db
          .selectFrom('devices')
          .select(['id', 'name'])
          .where('organization_id', '=', org)
          .where('id', 'in', deviceIds)
          .execute()
      : [],
    changeIds.length
      ? db
          .selectFrom('changes')
          .select(['change_id', 'received_at'])
          .where('organization_id', '=', org)
          .where('change_id', 'in', changeIds)
          .execute()
      : [],
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u.display_name])),
    devices: new Map(devices.map((d) => [d.id, d.name])),
    received: new Map(changes.map((c) => [c.change_id, c.received_at])),
  };
}

export const earlierResolutions = (db: Q, org: string, participantId: string, exceptId: string) =>
  db
    .selectFrom('sync_conflicts')
    .select([
      'id',
      'session_id',
      'status',
      'resolution_choice',
      'resolution_state',
      'resolved_at',
      'rule',
    ])
    .where('organization_id', '=', org)
    .where('participant_id', '=', participantId)
    .where('id', '!=', exceptId)
    .where('status', '!=', 'open')
    .orderBy('resolved_at', 'desc')
    .limit(20)
    .execute();

/** A decided conflict needs nobody's attention: its bell entries are read for every recipient. */
export const markConflictNotificationsRead = (db: Q, org: string, id: string, nowIso: string) =>
  db
    .updateTable('notifications')
    .set({ read_at: nowIso })
    .where('organization_id', '=', org)
    // By user and key, the unique index's columns: one lookup per staff member, not a scan.
    .where('user_id', 'in', db.selectFrom('users').select('id').where('organization_id', '=', org))
    .where('dedupe_key', '=', `conflict:${id}`)
    .where('read_at', 'is', null)
    .execute();
