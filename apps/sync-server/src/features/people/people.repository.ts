// Every query of the people feature: users, temporary usher assignments and devices.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, UsherAssignmentTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The codes of changes refused because the usher's assignment had lapsed. */
const LAPSE_CODES = ['assignment_revoked', 'assignment_expired', 'grace_period_over'];

export const userRows = (db: Q, org: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', org)
    .orderBy('display_name')
    .execute();

/** Newest first, so the first one found for a user is their current assignment. */
export const assignmentRows = (db: Q, org: string) =>
  db
    .selectFrom('usher_assignments')
    .selectAll()
    .where('organization_id', '=', org)
    .orderBy('created_at', 'desc')
    .execute();

export const findAssignment = (db: Q, org: string, id: string) =>
  db
    .selectFrom('usher_assignments')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

export const insertAssignment = (db: Q, row: Insertable<UsherAssignmentTable>) =>
  db.insertInto('usher_assignments').values(row).execute();

export const updateAssignment = (db: Q, id: string, patch: Updateable<UsherAssignmentTable>) =>
  db.updateTable('usher_assignments').set(patch).where('id', '=', id).execute();

/** Temporary ushers' unrevoked devices, most recently synced first. */
export const tempUsherDeviceRows = (db: Q, org: string) =>
  db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.id', 'd.user_id', 'd.name', 'd.pending_count', 'd.last_sync_at'])
    .where('d.organization_id', '=', org)
    .where('u.role', '=', 'temp_usher')
    .where('d.revoked_at', 'is', null)
    .orderBy('d.last_sync_at', 'desc')
    .execute();

/** How many changes each device had refused for a lapsed assignment and not re-applied. */
export async function lapseRefusals(db: Q, org: string, deviceIds: string[]) {
  if (deviceIds.length === 0) return new Map<string, number>();
  const counts = await db
    .selectFrom('sync_rejections')
    .select(['device_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', org)
    .where('device_id', 'in', deviceIds)
    .where('code', 'in', LAPSE_CODES)
    .where('reapplied_at', 'is', null)
    .groupBy('device_id')
    .execute();
  return new Map(counts.map((c) => [c.device_id, Number(c.n)]));
}

export const deviceRows = (db: Q, org: string) =>
  db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .selectAll('d')
    .select('u.display_name')
    .where('d.organization_id', '=', org)
    .orderBy('d.last_seen_at', 'desc')
    .limit(1000)
    .execute();

export const renameDevice = (db: Q, id: string, name: string) =>
  db.updateTable('devices').set({ name }).where('id', '=', id).execute();

/** Revokes a device of the organization; false when there is none with that id. */
export async function revokeDevice(db: Q, org: string, id: string, nowIso: string) {
  const r = await db
    .updateTable('devices')
    .set({ revoked_at: nowIso })
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
