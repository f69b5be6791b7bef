import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const findOrganization = (db: Q, id: string) =>
  db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();

export const findThrottle = (db: Q, email: string) =>
  db.selectFrom('login_throttle').selectAll().where('email', '=', email).executeTakeFirst();

/** Counts one attempt in SQL, so parallel attempts each see a different count. */
export const reserveLoginAttempt = (db: Q, email: string) =>
  db
    .insertInto('login_throttle')
    .values({ email, failures: 1, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet((eb) => ({ failures: eb('login_throttle.failures', '+', 1) })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();

export const lockLogin = (db: Q, email: string, until: string) =>
  db
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('email', '=', email)
    .where('locked_until', 'is', null)
    .execute();

/** Ends an expired lock once, whoever gets there first. */
export const clearExpiredLock = (db: Q, email: string, lockedUntil: string) =>
  db
    .updateTable('login_throttle')
    .set({ failures: 0, locked_until: null })
    .where('email', '=', email)
    .where('locked_until', '=', lockedUntil)
    .execute();

export const clearLoginFailures = (db: Q, email: string) =>
  db.deleteFrom('login_throttle').where('email', '=', email).execute();

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
  prev_refresh_hash?: string | null;
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

/**
 * Swaps the device's tokens only if its refresh hash is still the one presented: of concurrent
 * refreshes exactly one updates the row (PostgreSQL re-checks the WHERE after the first commits).
 */
export async function rotateDeviceTokens(
  db: Q,
  deviceId: string,
  presentedRefreshHash: string,
  tokens: DeviceTokens,
  at: string,
) {
  const r = await db
    .updateTable('devices')
    .set({ ...tokens, prev_refresh_hash: presentedRefreshHash, refresh_rotated_at: at })
    .where('id', '=', deviceId)
    .where('refresh_hash', '=', presentedRefreshHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Signs out every device of a user (a password change), but the one named in `except`. */
export const signOutUserDevices = (
  db: Q,
  userId: string,
  tokens: Partial<DeviceTokens>,
  except?: string,
) =>
  db
    .updateTable('devices')
    .set(tokens)
    .where('user_id', '=', userId)
    .$if(except !== undefined, (q) => q.where('id', '!=', except ?? ''))
    .execute();

export const userDeviceIds = async (db: Q, userId: string) =>
  (await db.selectFrom('devices').select('id').where('user_id', '=', userId).execute()).map(
    (d) => d.id,
  );

export const findUserInOrg = (db: Q, organizationId: string, id: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();

export const countActiveAdmins = async (db: Q, organizationId: string) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const updateUser = (
  db: Q,
  id: string,
  set: Partial<{
    active: number;
    role: string;
    display_name: string;
    updated_at: string;
    seq: number;
  }>,
) => db.updateTable('users').set(set).where('id', '=', id).execute();

/** A user's own language; null hands the choice back to the organization's default. */
export const setUserLanguage = (db: Q, id: string, language: string | null, at: string) =>
  db.updateTable('users').set({ language, updated_at: at }).where('id', '=', id).execute();

export const setPasswordHash = (db: Q, id: string, hash: string, at: string) =>
  db
    .updateTable('users')
    .set({ password_hash: hash, updated_at: at })
    .where('id', '=', id)
    .execute();

/** Replaces a password hash only if it is still the one that was checked. */
export const replacePasswordHash = (db: Q, userId: string, oldHash: string, newHash: string) =>
  db
    .updateTable('users')
    .set({ password_hash: newHash })
    .where('id', '=', userId)
    .where('password_hash', '=', oldHash)
    .execute();

/** The device with its user and organization: one indexed lookup per request. */
export const findDeviceContext = (db: Q, deviceId: string) =>
  db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .select([
      'o.deleted_at as organization_deleted_at',
      'd.id as device_id',
      'd.organization_id',
      'd.user_id',
      'd.access_hash',
      'd.access_expires_at',
      'd.refresh_hash',
      'd.refresh_expires_at',
      'd.prev_refresh_hash',
      'd.refresh_rotated_at',
      'd.created_at',
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

/**
 * The accounts an address signs in to: the one whose `email` it is, and those of organizations
 * that added it while another organization already used it (`shared_email`), oldest first.
 */
export const findUsersForSignIn = (db: Q, email: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where((eb) =>
      eb.or([eb('email', '=', email.toLowerCase()), eb('shared_email', '=', email.toLowerCase())]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findUserById = (db: Q, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** The address a user signs in with (their own `email`, unless another organization had it). */
export const signInEmail = (u: { email: string; shared_email: string | null }) =>
  u.shared_email ?? u.email;

/** Whether an organization already has a user with this address. */
export const emailInOrg = async (db: Q, organizationId: string, email: string) =>
  Boolean(
    await db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where((eb) => eb.or([eb('email', '=', email), eb('shared_email', '=', email)]))
      .executeTakeFirst(),
  );

export interface TotpColumns {
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  totp_recovery_hashes: string | null;
  totp_challenge_hash: string | null;
  totp_challenge_expires_at: string | null;
}

export const updateTotp = (db: Q, userId: string, set: Partial<TotpColumns>) =>
  db.updateTable('users').set(set).where('id', '=', userId).execute();

/** Records a step as used, unless it (or a later one) already was: of two uses, one wins. */
export async function acceptTotpStep(db: Q, userId: string, step: number) {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces the recovery hashes only if they are still the ones read: a code is used once. */
export async function replaceRecoveryHashes(db: Q, userId: string, old: string, next: string) {
  const r = await db
    .updateTable('users')
    .set({ totp_recovery_hashes: next })
    .where('id', '=', userId)
    .where('totp_recovery_hashes', '=', old)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A successful password does not count toward the lockout; wrong codes after it still do. */
export const forgiveLoginAttempt = (db: Q, email: string) =>
  db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('email', '=', email)
    .where('failures', '>', 0)
    .where('locked_until', 'is', null)
    .execute();
