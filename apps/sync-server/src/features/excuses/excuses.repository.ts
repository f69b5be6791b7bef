import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ExcuseTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const list = (
  db: Q,
  org: string,
  f: { status?: string; sessionId?: string; participantId?: string },
) => {
  let q = db
    .selectFrom('excuses as e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .innerJoin('sessions as s', 's.id', 'e.session_id')
    .leftJoin('users as u', 'u.id', 'e.submitted_by')
    .leftJoin('users as d', 'd.id', 'e.decided_by')
    .select([
      'e.id',
      'e.session_id',
      'e.participant_id',
      'e.reason',
      'e.attachment_name',
      'e.status',
      'e.submitted_at',
      'e.decided_at',
      'e.decision_note',
      'p.first_name',
      'p.last_name',
      's.name as session_name',
      's.scheduled_start',
      'u.display_name as submitted_by_name',
      'd.display_name as decided_by_name',
    ])
    .where('e.organization_id', '=', org);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.sessionId) q = q.where('e.session_id', '=', f.sessionId);
  if (f.participantId) q = q.where('e.participant_id', '=', f.participantId);
  return q.orderBy('e.submitted_at', 'desc').limit(500).execute();
};

export const find = (db: Q, org: string, id: string) =>
  db
    .selectFrom('excuses')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

export const insert = (db: Q, row: Insertable<ExcuseTable>) =>
  db.insertInto('excuses').values(row).execute();

export const decide = (
  db: Q,
  id: string,
  v: { status: string; decided_by: string; decided_at: string; decision_note: string | null },
) =>
  db
    .updateTable('excuses')
    .set(v)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const participantInOrg = (db: Q, org: string, id: string) =>
  db
    .selectFrom('participants')
    .select('id')
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

export const sessionInOrg = (db: Q, org: string, id: string) =>
  db
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

export const openConflictFor = (db: Q, sessionId: string, participantId: string) =>
  db
    .selectFrom('sync_conflicts')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('participant_id', '=', participantId)
    .where('status', '=', 'open')
    .executeTakeFirst();
