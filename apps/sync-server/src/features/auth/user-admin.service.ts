// An administrator's changes to user accounts, and a user's change of their own password. Role
// and active are read on every request (authenticate), so a change takes effect on the user's
// existing devices at once; a new password signs the user's devices out.
import { uuidv7, type Language, type Role } from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { conflict, HttpError, notFound } from '../../lib/errors.ts';
import { hashPassword, verifyPassword } from '../../lib/secrets.ts';
import type { AppContext } from '../../plugins/context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { rosterWrite } from '../organizations/roster-write.service.ts';
import type { AuthContext } from './auth.service.ts';
import * as repo from './auth.repository.ts';
import { failAttempt, reserveAttempt } from './login-throttle.ts';
import { assertPasswordAllowed } from './password-policy.ts';

export interface UserPatch {
  active?: boolean;
  role?: Role;
  displayName?: string;
}

const signedOut = {
  access_hash: '',
  refresh_hash: '',
  prev_refresh_hash: null,
  access_expires_at: iso(0),
  refresh_expires_at: iso(0),
};

/** Applies an admin's change; returns the user's device ids so their streams can be closed. */
export async function updateUser(ctx: AppContext, auth: AuthContext, id: string, patch: UserPatch) {
  return rosterWrite(ctx, auth, async (s) => {
    const u = await repo.findUserInOrg(s.trx, auth.organizationId, id);
    if (!u) throw notFound(`User ${id}`);
    const demotesOrDeactivates =
      u.role === 'admin' &&
      u.active === 1 &&
      ((patch.role && patch.role !== 'admin') || patch.active === false);
    // Someone must remain able to manage the organization (and to undo this).
    if (demotesOrDeactivates && (await repo.countActiveAdmins(s.trx, auth.organizationId)) <= 1)
      throw conflict('The organization needs at least one active administrator', 'last_admin');
    const set = {
      ...(patch.active === undefined ? {} : { active: patch.active ? 1 : 0 }),
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
    };
    await repo.updateUser(s.trx, id, { ...set, updated_at: s.nowIso, seq: s.seq.next() });
    const old = { active: u.active === 1, role: u.role, displayName: u.display_name };
    await s.audit('user', id, 'update', old, { ...old, ...patch });
    return repo.userDeviceIds(s.trx, id);
  });
}

/** An admin sets a user's password: checked against the policy, and every device signs out. */
export async function resetPassword(
  ctx: AppContext,
  auth: AuthContext,
  id: string,
  password: string,
) {
  const u = await repo.findUserInOrg(ctx.db.kysely, auth.organizationId, id);
  if (!u) throw notFound(`User ${id}`);
  assertPasswordAllowed(password, u.role, 'body/password', {
    email: repo.signInEmail(u),
    displayName: u.display_name,
  });
  const hash = await hashPassword(password);
  return rosterWrite(ctx, auth, async (s) => {
    await repo.setPasswordHash(s.trx, id, hash, s.nowIso);
    await repo.signOutUserDevices(s.trx, id, signedOut);
    await repo.clearLoginFailures(s.trx, repo.signInEmail(u));
    await s.audit('user', id, 'password_reset', null, { devicesSignedOut: true });
    return repo.userDeviceIds(s.trx, id);
  });
}

/**
 * A user changes their own password with the current one. The check counts toward the account's
 * lockout, so a stolen device cannot be used to guess the password. Other devices sign out.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  nowMs: number,
  auth: AuthContext,
  body: { currentPassword: string; newPassword: string },
) {
  const u = await repo.findUserInOrg(db, auth.organizationId, auth.userId);
  if (!u) throw notFound('Your account');
  const email = repo.signInEmail(u);
  const attempt = await reserveAttempt(db, email, nowMs);
  if (!(await verifyPassword(body.currentPassword, u.password_hash))) {
    await failAttempt(db, email, attempt, nowMs);
    throw new HttpError(400, 'wrong_password', 'The current password is not correct', [
      { path: 'body/currentPassword', message: 'is not correct' },
    ]);
  }
  await repo.clearLoginFailures(db, email);
  assertPasswordAllowed(body.newPassword, u.role, 'body/newPassword', {
    email,
    displayName: u.display_name,
  });
  const hash = await hashPassword(body.newPassword);
  return db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, u.id, hash, iso(nowMs));
    await repo.signOutUserDevices(trx, u.id, signedOut, auth.deviceId);
    await appendAudit(trx, auth, {
      nowMs,
      action: 'password_change',
      entity: 'user',
      entityId: u.id,
      oldValues: null,
      newValues: { otherDevicesSignedOut: true },
    });
    return (await repo.userDeviceIds(trx, u.id)).filter((d) => d !== auth.deviceId);
  });
}

/**
 * A user's own language (null: follow the organization's default). Audited like the other changes
 * to an account, with the choice it replaced. Users are not synced rows, so no seq is taken: the
 * app reads the choice from the login answer and GET /me.
 */
export async function setOwnLanguage(
  db: Kysely<Database>,
  nowMs: number,
  auth: AuthContext,
  language: Language | null,
) {
  const u = await repo.findUserInOrg(db, auth.organizationId, auth.userId);
  if (!u) throw notFound('Your account');
  await db.transaction().execute(async (trx) => {
    await repo.setUserLanguage(trx, u.id, language, iso(nowMs));
    await appendAudit(trx, auth, {
      nowMs,
      action: 'language_change',
      entity: 'user',
      entityId: u.id,
      oldValues: { language: u.language },
      newValues: { language },
    });
  });
  return { language };
}

/**
 * Creates a user with an address that may be another organization's too. `email` is unique across
 * organizations (sign-in is by address alone), so such a user keeps the address in `shared_email`
 * behind a placeholder `email`, and signs in by it like anyone else (the password tells the
 * accounts apart). The admin's answer is the same either way: nothing says the address is in use.
 * `ON CONFLICT DO NOTHING` decides in one statement, so two organizations adding one new address at
 * the same moment both succeed.
 */
export async function createUserAccount(
  trx: Transaction<Database>,
  seq: number,
  nowMs: number,
  u: {
    organizationId: string;
    email: string;
    displayName: string;
    role: Role;
    passwordHash: string;
  },
) {
  const id = uuidv7(nowMs);
  const email = u.email.toLowerCase();
  const row = {
    id,
    organization_id: u.organizationId,
    email,
    display_name: u.displayName,
    role: u.role,
    password_hash: u.passwordHash,
    active: 1,
    failed_logins: 0,
    locked_until: null,
    created_at: iso(nowMs),
    updated_at: iso(nowMs),
    seq,
  };
  const own = await trx
    .insertInto('users')
    .values(row)
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!own)
    await trx
      .insertInto('users')
      .values({ ...row, email: `shared-${id}@shared.invalid`, shared_email: email })
      .execute();
  return id;
}
