// Login, refresh, logout and per-request authentication of device credentials.
// A token is `rc1.<deviceId>.<secret>`: the device id finds the row, the secret's hash proves it.
import {
  LANGUAGES,
  uuidv7,
  type Language,
  type LoginRequest,
  type Role,
  type TotpLoginRequest,
} from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/schema.ts';
import { iso, type Clock } from '../../lib/clock.ts';
import { HttpError } from '../../lib/errors.ts';
import {
  hashPassword,
  needsRehash,
  randomToken,
  sameHash,
  sha256,
  verifyPassword,
} from '../../lib/secrets.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { failAttempt, reserveAttempt } from './login-throttle.ts';
import { toOrganizationDto } from '../organizations/organizations.service.ts';
import * as repo from './auth.repository.ts';
import { consumeCode, hasSecondFactor, issueChallenge, userForChallenge } from './totp.service.ts';
import { assignmentCutoff, assignmentLapse, toAssignmentDto } from './assignment.ts';

export const ACCESS_TTL_MS = 12 * 3600_000; // a long service day without a refresh
export const REFRESH_TTL_MS = 60 * 24 * 3600_000; // offline weeks still come back with a refresh
/** However often it refreshes, a sign-in lasts this long from when the device signed in. */
export const SESSION_MAX_MS = 180 * 24 * 3600_000;
/**
 * A rotated refresh token presented again this soon is a race (two requests, or a response lost on
 * the way back), not a theft: it is refused without signing the device out.
 */
export const REFRESH_REUSE_GRACE_MS = 30_000;
// Verified against for unknown emails: as slow as a real hash, and never matches.
const decoyHash = hashPassword(randomToken());

export interface AuthContext {
  userId: string;
  organizationId: string;
  deviceId: string;
  role: Role;
  displayName: string;
}

/** New credentials; none outlive the sign-in's absolute lifetime (`signedInMs + SESSION_MAX_MS`). */
function issueTokens(deviceId: string, nowMs: number, signedInMs = nowMs) {
  const access = randomToken();
  const refresh = randomToken();
  const sessionEnd = signedInMs + SESSION_MAX_MS;
  const accessExpiresAt = iso(Math.min(nowMs + ACCESS_TTL_MS, sessionEnd));
  const refreshExpiresAt = iso(Math.min(nowMs + REFRESH_TTL_MS, sessionEnd));
  return {
    credentials: {
      accessToken: `rc1.${deviceId}.${access}`,
      accessExpiresAt,
      refreshToken: `rc1.${deviceId}.${refresh}`,
      refreshExpiresAt,
    },
    stored: {
      access_hash: sha256(access),
      access_expires_at: accessExpiresAt,
      refresh_hash: sha256(refresh),
      refresh_expires_at: refreshExpiresAt,
    },
  };
}

const organizationDeleted = () =>
  new HttpError(
    401,
    'organization_deleted',
    'This organization was deleted; nothing more can be synced',
  );

const invalid = () => new HttpError(401, 'invalid_credentials', 'Email or password is not correct');

/**
 * The account an address and password open: each account the address signs in to is checked (all
 * of them, so the time taken does not depend on which matched), the oldest that matches wins.
 */
async function passwordAccount(db: Kysely<Database>, email: string, password: string) {
  const candidates = await repo.findUsersForSignIn(db, email);
  // An unknown email costs the same scrypt work as a real one, so timing does not tell them apart.
  if (!candidates.length) {
    await verifyPassword(password, await decoyHash);
    return undefined;
  }
  const matches = [];
  for (const u of candidates) if (await verifyPassword(password, u.password_hash)) matches.push(u);
  return matches.find((u) => u.active === 1);
}

/**
 * The password step. Without a second factor it signs the device in; with one it answers 202
 * with a challenge for the code step (loginWithCode), and the lockout keeps counting wrong codes.
 */
export async function login(db: Kysely<Database>, clock: Clock, body: LoginRequest) {
  const now = clock.now();
  const email = body.email.toLowerCase();
  const attempt = await reserveAttempt(db, email, now);
  const user = await passwordAccount(db, email, body.password);
  if (!user) {
    await failAttempt(db, email, attempt, now);
    throw invalid();
  }
  // Hashes made with weaker scrypt parameters are upgraded now, the only time the password is known.
  if (needsRehash(user.password_hash))
    await repo.replacePasswordHash(
      db,
      user.id,
      user.password_hash,
      await hashPassword(body.password),
    );
  if (hasSecondFactor(user)) {
    await repo.forgiveLoginAttempt(db, email);
    return issueChallenge(db, user, now);
  }
  await repo.clearLoginFailures(db, email);
  return signInDevice(db, now, user, body);
}

const invalidCode = () =>
  new HttpError(401, 'invalid_code', 'The code is not correct, or it was already used');

/** The code step: the challenge from the password step and a code (or a recovery code). */
export async function loginWithCode(db: Kysely<Database>, clock: Clock, body: TotpLoginRequest) {
  const now = clock.now();
  const user = await userForChallenge(db, body.challenge, now);
  const email = repo.signInEmail(user);
  const attempt = await reserveAttempt(db, email, now);
  const used = user.active === 1 ? await consumeCode(db, user, body.code, now) : null;
  if (!used) {
    await failAttempt(db, email, attempt, now);
    throw invalidCode();
  }
  await repo.clearLoginFailures(db, email);
  await repo.updateTotp(db, user.id, {
    totp_challenge_hash: null,
    totp_challenge_expires_at: null,
  });
  const signedIn = await signInDevice(db, now, user, body);
  if (used === 'recovery')
    await appendAudit(
      db,
      { organizationId: user.organization_id, userId: user.id, deviceId: signedIn.deviceId },
      {
        nowMs: now,
        action: 'totp_recovery_code_used',
        entity: 'user',
        entityId: user.id,
        oldValues: null,
        newValues: { deviceId: signedIn.deviceId },
      },
    );
  return signedIn;
}

/** Registers a new device for a user whose sign-in is complete, and answers with its credentials. */
async function signInDevice(
  db: Kysely<Database>,
  now: number,
  user: UserRow,
  body: { deviceName?: string; appVersion?: string },
) {
  const org = await repo.findOrganization(db, user.organization_id);
  if (!org || org.deleted_at) throw invalid();
  const assignment = await repo.latestAssignment(db, user.id);
  if (user.role === 'temp_usher')
    assertAssignmentUsable(assignment ? toAssignmentDto(assignment, now).status : null);
  const deviceId = uuidv7(now);
  const tokens = issueTokens(deviceId, now);
  await db.transaction().execute(async (trx) => {
    await repo.insertDevice(trx, {
      id: deviceId,
      organization_id: user.organization_id,
      user_id: user.id,
      name: body.deviceName ?? null,
      app_version: body.appVersion ?? null,
      created_at: iso(now),
      ...tokens.stored,
    });
  });
  return {
    credentials: tokens.credentials,
    deviceId,
    user: {
      id: user.id,
      email: repo.signInEmail(user),
      displayName: user.display_name,
      role: user.role as Role,
      language: userLanguage(user.language),
    },
    organization: toOrganizationDto(org),
    assignment: assignment ? toAssignmentDto(assignment, now) : null,
  };
}

/** The stored choice if it is still one the app ships, else null (the organization's default). */
export const userLanguage = (stored: string | null): Language | null =>
  (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : null;

function assertAssignmentUsable(status: 'active' | 'expired' | 'revoked' | null) {
  if (status === 'active') return;
  const why =
    status === 'revoked' ? 'was revoked' : status === 'expired' ? 'has expired' : 'does not exist';
  throw new HttpError(
    403,
    `assignment_${status ?? 'missing'}`,
    `Your temporary usher assignment ${why}`,
  );
}

function splitToken(token: string): { deviceId: string; secret: string } | null {
  const [prefix, deviceId, secret, ...rest] = token.split('.');
  if (prefix !== 'rc1' || !deviceId || !secret || rest.length) return null;
  return { deviceId, secret };
}

const refreshInvalid = () =>
  new HttpError(401, 'unauthorized', 'This refresh token is not valid; sign in again');

/**
 * Trades a refresh token for new credentials and retires it. The swap is one conditional UPDATE
 * (`WHERE refresh_hash = <presented>`), so of concurrent refreshes of one token exactly one wins;
 * the others get 409 `refresh_superseded`. A retired token presented again after
 * REFRESH_REUSE_GRACE_MS is reuse (someone holds a copy): the device is signed out and it is audited.
 */
export async function refresh(db: Kysely<Database>, clock: Clock, refreshToken: string) {
  const now = clock.now();
  const parts = splitToken(refreshToken);
  const device = parts ? await repo.findDeviceContext(db, parts.deviceId) : undefined;
  if (!parts || !device) throw refreshInvalid();
  const presented = sha256(parts.secret);
  if (!device.refresh_hash || !sameHash(device.refresh_hash, presented)) {
    if (device.prev_refresh_hash && sameHash(device.prev_refresh_hash, presented))
      return refuseRetiredToken(db, device, now);
    throw refreshInvalid();
  }
  if (device.revoked_at)
    throw new HttpError(401, 'device_revoked', 'This device was revoked by an administrator');
  if (device.user_active !== 1)
    throw new HttpError(401, 'user_deactivated', 'This user account is deactivated');
  if (device.organization_deleted_at) throw organizationDeleted();
  // A revoked (or long expired) temporary usher gets no new credentials: the last access token
  // keeps only the push path open for the grace period (see authenticate).
  if (device.role === 'temp_usher') {
    const lapse = (await tempUsherStanding(db, device.user_id, now)).lapse;
    if (lapse) throw new HttpError(403, lapse.code, lapse.message);
  }
  const signedInMs = Date.parse(device.created_at);
  if (now >= signedInMs + SESSION_MAX_MS)
    throw new HttpError(
      401,
      'session_too_old',
      'This sign-in is more than 180 days old; sign in again',
    );
  if (!device.refresh_expires_at || Date.parse(device.refresh_expires_at) <= now) {
    throw new HttpError(401, 'token_expired', 'This session has expired; sign in again');
  }
  const tokens = issueTokens(device.device_id, now, signedInMs);
  const won = await repo.rotateDeviceTokens(
    db,
    device.device_id,
    device.refresh_hash,
    tokens.stored,
    iso(now),
  );
  if (!won) throw superseded();
  return { credentials: tokens.credentials };
}

const superseded = () =>
  new HttpError(
    409,
    'refresh_superseded',
    'Another request already renewed these credentials; use the ones it returned',
  );

export const REFRESH_REUSED = 'refresh_reused';

async function refuseRetiredToken(
  db: Kysely<Database>,
  device: NonNullable<Awaited<ReturnType<typeof repo.findDeviceContext>>>,
  now: number,
): Promise<never> {
  const rotatedAt = device.refresh_rotated_at ? Date.parse(device.refresh_rotated_at) : -Infinity;
  if (now - rotatedAt <= REFRESH_REUSE_GRACE_MS) throw superseded();
  await db.transaction().execute(async (trx) => {
    await repo.updateDeviceTokens(trx, device.device_id, signedOut);
    await appendAudit(
      trx,
      {
        organizationId: device.organization_id,
        userId: device.user_id,
        deviceId: device.device_id,
      },
      {
        nowMs: now,
        action: 'refresh_reuse',
        entity: 'device',
        entityId: device.device_id,
        oldValues: { refreshRotatedAt: device.refresh_rotated_at },
        newValues: { signedOutAt: iso(now) },
      },
    );
  });
  throw new HttpError(
    401,
    REFRESH_REUSED,
    'This refresh token was already used, so a copy of it may exist elsewhere; the device was signed out to protect the account. Sign in again',
  );
}

/** What a signed-out device holds: nothing that matches any token. */
const signedOut = {
  access_hash: '',
  refresh_hash: '',
  prev_refresh_hash: null,
  access_expires_at: iso(0),
  refresh_expires_at: iso(0),
};

export async function logout(db: Kysely<Database>, deviceId: string) {
  await repo.updateDeviceTokens(db, deviceId, signedOut);
}

/**
 * Whether a device may still hold what it opened (its event streams): not revoked or signed out,
 * and, for a temporary usher, an assignment that has not lapsed.
 */
export async function deviceAllowed(db: Kysely<Database>, clock: Clock, deviceId: string) {
  const d = await repo.findDeviceContext(db, deviceId);
  const now = clock.now();
  const credentialsOk = Boolean(
    d?.access_hash &&
    !d.revoked_at &&
    d.user_active === 1 &&
    !d.organization_deleted_at &&
    d.access_expires_at &&
    Date.parse(d.access_expires_at) > now,
  );
  if (!credentialsOk || !d || d.role !== 'temp_usher') return credentialsOk;
  return !(await tempUsherStanding(db, d.user_id, now)).lapse;
}

/** A temporary usher's latest assignment, whether it has lapsed, and when its grace ends. */
async function tempUsherStanding(db: Kysely<Database>, userId: string, nowMs: number) {
  const assignment = await repo.latestAssignment(db, userId);
  const org = assignment ? await repo.findOrganization(db, assignment.organization_id) : undefined;
  const graceHours = org ? toOrganizationDto(org).settings.tempUsherGraceHours : 0;
  return {
    lapse: assignmentLapse(assignment, nowMs, graceHours),
    graceEndMs: assignment ? assignmentCutoff(assignment, graceHours).graceEndMs : -Infinity,
  };
}

export interface AuthOptions {
  /**
   * The route stays open to a temporary usher whose assignment was revoked or expired (push, so
   * what was recorded in time still arrives; /me and logout). Every other route refuses them.
   */
  lapsedAssignment?: boolean;
}

/** Resolves a bearer token to who is calling, or throws a 401/403 that says why. */
export async function authenticate(
  db: Kysely<Database>,
  clock: Clock,
  token: string | undefined,
  opts: AuthOptions = {},
): Promise<AuthContext> {
  const parts = token ? splitToken(token) : null;
  if (!parts)
    throw new HttpError(
      401,
      'unauthorized',
      'Sign in first: this request carries no device credentials',
    );
  const d = await repo.findDeviceContext(db, parts.deviceId);
  if (!d || !d.access_hash || !sameHash(d.access_hash, sha256(parts.secret))) {
    throw new HttpError(
      401,
      'unauthorized',
      'These device credentials are not valid; sign in again',
    );
  }
  if (d.revoked_at)
    throw new HttpError(401, 'device_revoked', 'This device was revoked by an administrator');
  if (d.user_active !== 1)
    throw new HttpError(401, 'unauthorized', 'This user account is deactivated');
  if (d.organization_deleted_at) throw organizationDeleted();
  const now = clock.now();
  const standing = d.role === 'temp_usher' ? await tempUsherStanding(db, d.user_id, now) : null;
  if (standing?.lapse && !opts.lapsedAssignment)
    throw new HttpError(403, standing.lapse.code, standing.lapse.message);
  // Refresh is refused once the assignment lapsed, so the last access token may still push what
  // was recorded in time until the grace period ends, even past its own 12 hours.
  const pushOnlyGrace = Boolean(standing?.lapse) && now <= standing!.graceEndMs;
  const accessExpired = !d.access_expires_at || Date.parse(d.access_expires_at) <= now;
  if (accessExpired && !pushOnlyGrace) {
    throw new HttpError(401, 'token_expired', 'The access token has expired; refresh it');
  }
  // Throttled so that a busy device does not turn every read into a write.
  if (!d.last_seen_at || now - Date.parse(d.last_seen_at) > 60_000)
    await repo.touchDevice(db, d.device_id, iso(now));
  return {
    userId: d.user_id,
    organizationId: d.organization_id,
    deviceId: d.device_id,
    role: d.role as Role,
    displayName: d.display_name,
  };
}
