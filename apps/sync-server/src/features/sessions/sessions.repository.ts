// Every query of the sessions feature: sessions, the groups they expect, and the groups themselves.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, GroupTable, SessionTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Which of these group ids belong to the organization. */
export async function ownGroupIds(db: Q, organizationId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The organization's sessions starting within [from, to] (either end open), earliest first. */
export function sessionRows(db: Q, org: string, f: { from?: string; to?: string }) {
  let q = db.selectFrom('sessions').selectAll().where('organization_id', '=', org);
  if (f.from) q = q.where('scheduled_start', '>=', f.from);
  if (f.to) q = q.where('scheduled_start', '<=', f.to);
  return q.orderBy('scheduled_start').limit(1000).execute();
}

export const findSession = (db: Q, org: string, id: string) =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

export const insertSession = (db: Q, row: Insertable<SessionTable>) =>
  db.insertInto('sessions').values(row).execute();

export const updateSession = (db: Q, id: string, patch: Updateable<SessionTable>) =>
  db.updateTable('sessions').set(patch).where('id', '=', id).execute();

export async function insertSessionGroups(db: Q, org: string, sessionId: string, ids: string[]) {
  if (ids.length)
    await db
      .insertInto('session_groups')
      .values(ids.map((g) => ({ organization_id: org, session_id: sessionId, group_id: g })))
      .execute();
}

export const deleteSessionGroups = (db: Q, sessionId: string) =>
  db.deleteFrom('session_groups').where('session_id', '=', sessionId).execute();

export const groupRows = (db: Q, org: string) =>
  db.selectFrom('groups').selectAll().where('organization_id', '=', org).orderBy('name').execute();

export const insertGroup = (db: Q, row: Insertable<GroupTable>) =>
  db.insertInto('groups').values(row).execute();
