import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const findUserByEmail = (db: Q, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findOrganization = (db: Q, id: string) =>
  db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();

export const recordLoginFailure = (
  db: Q,
  userId: string,
  failedLogins: number,
  lockedUntil: string | null,
) =>
  db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();

export const clearLoginFailures = (db: Q, userId: string) =>
  db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();

export const latestAssignment = (db: Q, userId: string) =>
  db
    .selectFrom('usher_assignments')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export interface DeviceTokens {
  access_hash: string;
  access_expires_at: string;
  refresh_hash: string;
  refresh_expires_at: string;
}

export const insertDevice = (
  db: Q,
  row: {
    id: string;
    organization_id: string;
    user_id: string;
    name: string | null;
    app_version: string | null;
    created_at: string;
  } & DeviceTokens,
) =>
  db
    .insertInto('devices')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();

export const updateDeviceTokens = (db: Q, deviceId: string, tokens: Partial<DeviceTokens>) =>
  db.updateTable('devices').set(tokens).where('id', '=', deviceId).execute();

/** The device with its user and organization: one indexed lookup per request. */
export const findDeviceContext = (db: Q, deviceId: string) =>
  db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select([
      'd.id as device_id',
      'd.organization_id',
      'd.user_id',
      'd.access_hash',
      'd.access_expires_at',
      'd.refresh_hash',
      'd.refresh_expires_at',
      'd.revoked_at',
      'd.last_seen_at',
      'u.role',
      'u.display_name',
      'u.email',
      'u.active as user_active',
    ])
    .where('d.id', '=', deviceId)
    .executeTakeFirst();

export const touchDevice = (db: Q, deviceId: string, at: string) =>
  db.updateTable('devices').set({ last_seen_at: at }).where('id', '=', deviceId).execute();
