// The second factor: enrolling (a secret, confirmed with a first code, and recovery codes shown
// once), the sign-in's code step (a short-lived challenge from the password step, then a code
// used at most once), turning it off, and an admin's reset of someone else's.
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database, UserRow } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { conflict, HttpError, notFound } from '../../lib/errors.ts';
import { randomToken, sameHash, sha256, verifyPassword } from '../../lib/secrets.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AuthContext } from './auth.service.ts';
import * as repo from './auth.repository.ts';
import { failAttempt, reserveAttempt } from './login-throttle.ts';
import { base32Encode, matchingStep, newTotpSecret, otpauthUri } from './totp.ts';

export const CHALLENGE_TTL_MS = 5 * 60_000;
export const RECOVERY_CODE_COUNT = 8;

const cleared: repo.TotpColumns = {
  totp_secret: null,
  totp_pending_secret: null,
  totp_enabled_at: null,
  totp_last_step: null,
  totp_recovery_hashes: null,
  totp_challenge_hash: null,
  totp_challenge_expires_at: null,
};

export const hasSecondFactor = (u: UserRow) => Boolean(u.totp_enabled_at && u.totp_secret);

const hashesOf = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/** Recovery codes are typed by hand: dashes, spaces and case do not matter. */
const normalizeCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

/** Ten base32 characters (50 bits), shown as `abcde-fghij`. */
function newRecoveryCode() {
  const raw = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

async function ownUser(db: Kysely<Database>, auth: AuthContext) {
  const u = await repo.findUserInOrg(db, auth.organizationId, auth.userId);
  if (!u) throw notFound('Your account');
  return u;
}

export async function totpStatus(db: Kysely<Database>, auth: AuthContext) {
  const u = await ownUser(db, auth);
  return {
    enabled: hasSecondFactor(u),
    recoveryCodesLeft: hashesOf(u.totp_recovery_hashes).length,
  };
}

/** A new secret, pending until a first code confirms the authenticator app has it. */
export async function beginEnrolment(db: Kysely<Database>, auth: AuthContext) {
  const u = await ownUser(db, auth);
  if (hasSecondFactor(u))
    throw conflict('Two-step sign-in is already on; turn it off first', 'totp_enabled');
  const secret = newTotpSecret();
  await repo.updateTotp(db, u.id, { totp_pending_secret: secret });
  return { secret, uri: otpauthUri(secret, repo.signInEmail(u)) };
}

const invalidCode = (path: string) =>
  new HttpError(400, 'invalid_code', 'The code is not correct; enter the code the app shows now', [
    { path, message: 'is not the current code' },
  ]);

/** Turns the second factor on with a first code; returns the recovery codes (shown only now). */
export async function confirmEnrolment(
  db: Kysely<Database>,
  nowMs: number,
  auth: AuthContext,
  code: string,
) {
  const u = await ownUser(db, auth);
  if (hasSecondFactor(u))
    throw conflict('Two-step sign-in is already on; turn it off first', 'totp_enabled');
  if (!u.totp_pending_secret)
    throw conflict('Start the set-up first: no secret is waiting for a code', 'totp_not_started');
  const step = matchingStep(u.totp_pending_secret, code.trim(), nowMs);
  if (step === null) throw invalidCode('body/code');
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction().execute(async (trx) => {
    await repo.updateTotp(trx, u.id, {
      ...cleared,
      totp_secret: u.totp_pending_secret,
      totp_enabled_at: iso(nowMs),
      totp_last_step: step,
      totp_recovery_hashes: JSON.stringify(recoveryCodes.map((c) => sha256(normalizeCode(c)))),
    });
    await audit(trx, auth, nowMs, 'totp_enable', u.id);
  });
  return { recoveryCodes };
}

/** Turns one's own second factor off; the password is checked and counts toward the lockout. */
export async function disableOwnTotp(
  db: Kysely<Database>,
  nowMs: number,
  auth: AuthContext,
  password: string,
) {
  const u = await ownUser(db, auth);
  const email = repo.signInEmail(u);
  const attempt = await reserveAttempt(db, email, nowMs);
  if (!(await verifyPassword(password, u.password_hash))) {
    await failAttempt(db, email, attempt, nowMs);
    throw new HttpError(400, 'wrong_password', 'The password is not correct', [
      { path: 'body/password', message: 'is not correct' },
    ]);
  }
  await repo.clearLoginFailures(db, email);
  await db.transaction().execute(async (trx) => {
    await repo.updateTotp(trx, u.id, cleared);
    await audit(trx, auth, nowMs, 'totp_disable', u.id);
  });
}

/** An admin removes another user's second factor (a lost phone and lost recovery codes). */
export async function resetTotp(
  db: Kysely<Database>,
  nowMs: number,
  auth: AuthContext,
  id: string,
) {
  const u = await repo.findUserInOrg(db, auth.organizationId, id);
  if (!u) throw notFound(`User ${id}`);
  await db.transaction().execute(async (trx) => {
    await repo.updateTotp(trx, u.id, cleared);
    await audit(trx, auth, nowMs, 'totp_reset', u.id, { enabled: hasSecondFactor(u) });
  });
}

const audit = (
  db: Kysely<Database>,
  who: { organizationId: string; userId: string; deviceId: string },
  nowMs: number,
  action: string,
  userId: string,
  oldValues: unknown = null,
) =>
  appendAudit(db, who, {
    nowMs,
    action,
    entity: 'user',
    entityId: userId,
    oldValues,
    newValues: { totpEnabled: action === 'totp_enable' },
  });

/** The password step's answer when a code is needed: a challenge the code step presents. */
export async function issueChallenge(db: Kysely<Database>, u: UserRow, nowMs: number) {
  const secret = randomToken();
  const expiresAt = iso(nowMs + CHALLENGE_TTL_MS);
  await repo.updateTotp(db, u.id, {
    totp_challenge_hash: sha256(secret),
    totp_challenge_expires_at: expiresAt,
  });
  return { totpRequired: true as const, challenge: `${u.id}.${secret}`, expiresAt };
}

/** The user the challenge was handed to, while it is their latest and has not expired. */
export async function userForChallenge(db: Kysely<Database>, challenge: string, nowMs: number) {
  const [userId, secret, ...rest] = challenge.split('.');
  const u = userId && secret && !rest.length ? await repo.findUserById(db, userId) : undefined;
  const valid =
    u?.totp_challenge_hash &&
    u.totp_challenge_expires_at &&
    Date.parse(u.totp_challenge_expires_at) > nowMs &&
    sameHash(u.totp_challenge_hash, sha256(secret ?? ''));
  if (!u || !valid)
    throw new HttpError(
      401,
      'challenge_invalid',
      'This sign-in has expired or is not valid; enter the email and password again',
    );
  return u;
}

/**
 * Uses a code: the authenticator's code of a step not accepted before (so an overheard code
 * cannot be replayed), or an unused recovery code. Returns which, or null.
 */
export async function consumeCode(
  db: Kysely<Database>,
  u: UserRow,
  code: string,
  nowMs: number,
): Promise<'totp' | 'recovery' | null> {
  const clean = normalizeCode(code);
  if (/^\d{6}$/.test(clean)) {
    const step = u.totp_secret ? matchingStep(u.totp_secret, clean, nowMs) : null;
    if (step === null || (u.totp_last_step !== null && step <= u.totp_last_step)) return null;
    return (await repo.acceptTotpStep(db, u.id, step)) ? 'totp' : null;
  }
  const hashes = hashesOf(u.totp_recovery_hashes);
  const hash = sha256(clean);
  if (!u.totp_recovery_hashes || !hashes.some((h) => sameHash(h, hash))) return null;
  const rest = JSON.stringify(hashes.filter((h) => h !== hash));
  return (await repo.replaceRecoveryHashes(db, u.id, u.totp_recovery_hashes, rest))
    ? 'recovery'
    : null;
}
