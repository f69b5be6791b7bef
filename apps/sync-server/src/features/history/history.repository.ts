import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseJson } from '../../lib/json.ts';

interface Filters {
  deviceId?: string;
  userId?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

const base = (db: Kysely<Database>, org: string) =>
  db
    .selectFrom('sync_history as h')
    .leftJoin('devices as d', 'd.id', 'h.device_id')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .where('h.organization_id', '=', org);

type Row = Awaited<ReturnType<typeof selectRows>>[number];
const selectRows = (q: ReturnType<typeof base>) =>
  q.selectAll('h').select(['d.name as device_name', 'u.display_name as user_name']).execute();

const toDto = (r: Row) => ({
  id: r.id,
  deviceId: r.device_id,
  deviceName: r.device_name,
  userId: r.user_id,
  userName: r.user_name,
  received: r.received,
  applied: r.applied,
  duplicate: r.duplicate,
  merged: r.merged,
  conflict: r.conflict,
  rejected: r.rejected,
  status: r.status,
  error: r.error,
  durationMs: r.duration_ms,
  startedAt: r.started_at,
  appVersion: r.app_version,
});

export async function listHistory(db: Kysely<Database>, org: string, f: Filters) {
  let q = base(db, org);
  if (f.deviceId) q = q.where('h.device_id', '=', f.deviceId);
  if (f.userId) q = q.where('h.user_id', '=', f.userId);
  if (f.status) q = q.where('h.status', '=', f.status);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await selectRows(
    q
      .orderBy('h.started_at', 'desc')
      .orderBy('h.id', 'desc')
      .limit(f.limit ?? 50)
      .offset(f.offset ?? 0),
  );
  return { items: rows.map(toDto), total: Number(total?.n ?? 0) };
}

export async function getHistory(db: Kysely<Database>, org: string, id: string) {
  const [row] = await selectRows(base(db, org).where('h.id', '=', id));
  if (!row) return null;
  const rejections = await db
    .selectFrom('sync_rejections')
    .selectAll()
    .where('history_id', '=', id)
    .where('organization_id', '=', org)
    .orderBy('change_index')
    .execute();
  return {
    ...toDto(row),
    rejections: rejections.map((r) => ({
      id: r.id,
      changeIndex: r.change_index,
      changeId: r.change_id,
      code: r.code,
      reason: r.reason,
      payload: parseJson<unknown>(r.payload, null),
      reappliedAt: r.reapplied_at,
    })),
  };
}

export const findRejection = (db: Kysely<Database>, org: string, id: string) =>
  db
    .selectFrom('sync_rejections')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

/** Who recorded a change: the device's user, as they are now (role, name). */
export const originOf = (db: Kysely<Database>, org: string, deviceId: string) =>
  db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.id as device_id', 'u.id as user_id', 'u.role', 'u.display_name'])
    .where('d.id', '=', deviceId)
    .where('d.organization_id', '=', org)
    .executeTakeFirst();

export const markReapplied = (db: Kysely<Database>, id: string, at: string) =>
  db
    .updateTable('sync_rejections')
    .set({ reapplied_at: at })
    .where('id', '=', id)
    .where('reapplied_at', 'is', null)
    .execute();
