// All SQL of notifications. Reads are scoped to one user of one organization; producers find
// their recipients with one query and write with one multi-row statement per chunk.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, NotificationTable } from '../../db/schema.ts';
import { chunk } from '../../lib/json.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type NotificationRow = Selectable<NotificationTable>;
export interface Owner {
  organizationId: string;
  userId: string;
}
export interface Position {
  createdAt: string;
  id: string;
}

/** The roles that receive notifications; ushers never do. */
export const STAFF_ROLES = ['admin', 'manager'];
// 12 columns a row: stay well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const ROWS_PER_STATEMENT = 1000;

const mine = (db: Db, o: Owner) =>
  db
    .selectFrom('notifications')
    .where('organization_id', '=', o.organizationId)
    .where('user_id', '=', o.userId);

export function findForUser(db: Db, o: Owner, id: string) {
  return mine(db, o).selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; `after` is the last row of the previous page (keyset, so pages never shift). */
export function listForUser(
  db: Db,
  o: Owner,
  q: { unread: boolean; limit: number; after: Position | null },
) {
  let query = mine(db, o).selectAll();
  if (q.unread) query = query.where('read_at', 'is', null);
  const after = q.after;
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
    );
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

export async function unreadCount(db: Db, o: Owner): Promise<number> {
  const row = await mine(db, o)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one notification read (keeping the first read time); false when it is not the user's. */
export async function markRead(db: Db, o: Owner, id: string, nowIso: string) {
  await db
    .updateTable('notifications')
    .set({ read_at: nowIso })
    .where('organization_id', '=', o.organizationId)
    .where('user_id', '=', o.userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
  return findForUser(db, o, id);
}

export async function markAllRead(db: Db, o: Owner, nowIso: string): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: nowIso })
    .where('organization_id', '=', o.organizationId)
    .where('user_id', '=', o.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function preferencesOf(db: Db, o: Owner) {
  return db
    .selectFrom('notification_preferences')
    .select(['kind', 'enabled'])
    .where('organization_id', '=', o.organizationId)
    .where('user_id', '=', o.userId)
    .execute();
}

export async function savePreferences(
  db: Db,
  o: Owner,
  prefs: { kind: string; enabled: boolean }[],
  nowIso: string,
) {
  await db
    .insertInto('notification_preferences')
    .values(
      prefs.map((p) => ({
        user_id: o.userId,
        organization_id: o.organizationId,
        kind: p.kind,
        enabled: p.enabled ? 1 : 0,
        updated_at: nowIso,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({
        enabled: eb.ref('excluded.enabled'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/**
 * The organization's active admins and managers, each with the kinds they turned off (a user
 * with no preference row receives everything). One query for every event of a push or session end.
 */
export async function staffWithDisabledKinds(db: Db, organizationId: string) {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as np', (j) =>
      j.onRef('np.user_id', '=', 'u.id').on('np.enabled', '=', 0),
    )
    .select(['u.id', 'np.kind'])
    .where('u.organization_id', '=', organizationId)
    .where('u.role', 'in', STAFF_ROLES)
    .where('u.active', '=', 1)
    .execute();
  const users = new Map<string, Set<string>>();
  for (const r of rows) {
    const off = users.get(r.id) ?? new Set<string>();
    if (r.kind) off.add(r.kind);
    users.set(r.id, off);
  }
  return users;
}

/** Writes the rows; a (user, dedupe key) already notified is skipped. Returns how many were new. */
export async function insertNotifications(
  db: Db,
  rows: Insertable<NotificationTable>[],
): Promise<number> {
  let inserted = 0;
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    const res = await db
      .insertInto('notifications')
      .values(part)
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function participantNames(db: Db, organizationId: string, ids: string[]) {
  const out = new Map<string, string>();
  for (const part of chunk(ids, 1000)) {
    const rows = await db
      .selectFrom('participants')
      .select(['id', 'first_name', 'last_name', 'preferred_name'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', part)
      .execute();
    for (const p of rows)
      out.set(p.id, `${p.preferred_name ?? p.first_name} ${p.last_name}`.trim());
  }
  return out;
}

export function deviceName(db: Db, deviceId: string) {
  return db.selectFrom('devices').select('name').where('id', '=', deviceId).executeTakeFirst();
}

export async function groupsOfSession(db: Db, organizationId: string, sessionId: string) {
  const rows = await db
    .selectFrom('session_groups')
    .select('group_id')
    .where('organization_id', '=', organizationId)
    .where('session_id', '=', sessionId)
    .execute();
  return rows.map((r) => r.group_id);
}

/** The device's newest "rejections" event written at or after `sinceIso`: its key and data. */
export function recentRejections(
  db: Db,
  organizationId: string,
  deviceId: string,
  sinceIso: string,
) {
  return db
    .selectFrom('notifications')
    .select(['dedupe_key', 'payload'])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'rejections')
    .where('dedupe_key', 'like', `rejections:${deviceId}:%`)
    .where('created_at', '>=', sinceIso)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Rewrites one event for every recipient and makes it unread again: it has news. */
export async function rewriteEvent(
  db: Db,
  organizationId: string,
  dedupeKey: string,
  set: { title: string; body: string; payload: string; link_id: string },
): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ ...set, read_at: null })
    .where('organization_id', '=', organizationId)
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
