import { uuidv7 } from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Appends one entry: who (an admin's auth context), what, and the old and new values as JSON. */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  who: { organizationId: string; userId: string; deviceId: string },
  e: {
    nowMs: number;
    action: string;
    entity: string;
    entityId: string;
    oldValues: unknown;
    newValues: unknown;
  },
) {
  await db
    .insertInto('audit_log')
    .values({
      id: uuidv7(e.nowMs),
      organization_id: who.organizationId,
      at: new Date(e.nowMs).toISOString(),
      user_id: who.userId,
      device_id: who.deviceId,
      source: 'admin',
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      old_values: e.oldValues === null ? null : JSON.stringify(e.oldValues),
      new_values: e.newValues === null ? null : JSON.stringify(e.newValues),
    })
    .execute();
}

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
}

const filtered = (db: Kysely<Database>, org: string, f: AuditFilters) => {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('devices as d', 'd.id', 'a.device_id')
    .where('a.organization_id', '=', org);
  if (f.entity) q = q.where('a.entity', '=', f.entity);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.userId) q = q.where('a.user_id', '=', f.userId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<=', f.to);
  return q;
};

const columns = [
  'a.id',
  'a.at',
  'a.user_id',
  'a.device_id',
  'a.source',
  'a.action',
  'a.entity',
  'a.entity_id',
  'a.old_values',
  'a.new_values',
  'u.display_name as user_name',
  'd.name as device_name',
] as const;

export async function listAudit(
  db: Kysely<Database>,
  org: string,
  f: AuditFilters,
  limit: number,
  offset: number,
) {
  const q = filtered(db, org, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .select(columns)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** Keyset pages, newest first: an export of any size holds one page in memory at a time. */
export async function* auditPages(
  db: Kysely<Database>,
  org: string,
  f: AuditFilters,
  pageSize = 1000,
) {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let q = filtered(db, org, f).select(columns);
    if (after) {
      const { at, id } = after;
      q = q.where((eb) =>
        eb.or([eb('a.at', '<', at), eb.and([eb('a.at', '=', at), eb('a.id', '<', id)])]),
      );
    }
    const rows = await q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
    if (rows.length < pageSize) return;
  }
}
