// Login, refresh, logout and per-request authentication of device credentials.
// A token is `rc1.<deviceId>.<secret>`: the device id finds the row, the secret's hash proves it.
import { uuidv7, type LoginRequest, type Role } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso, type Clock } from '../../lib/clock.ts';
import { HttpError } from '../../lib/errors.ts';
import { hashPassword, randomToken, sameHash, sha256, verifyPassword } from '../../lib/secrets.ts';
import { failAttempt, reserveAttempt } from './login-throttle.ts';
import { toOrganizationDto } from '../organizations/organizations.service.ts';
import * as repo from './auth.repository.ts';
import { assignmentCutoff, assignmentLapse, toAssignmentDto } from './assignment.ts';

export const ACCESS_TTL_MS = 12 * 3600_000; // a long service day without a refresh
export const REFRESH_TTL_MS = 60 * 24 * 3600_000; // offline weeks still come back with a refresh
// Verified against for unknown emails: as slow as a real hash, and never matches.
const decoyHash = hashPassword(randomToken());

export interface AuthContext {
  userId: string;
  organizationId: string;
  deviceId: string;
  role: Role;
  displayName: string;
}

function issueTokens(deviceId: string, nowMs: number) {
  const access = randomToken();
  const refresh = randomToken();
  return {
    credentials: {
      accessToken: `rc1.${deviceId}.${access}`,
      accessExpiresAt: iso(nowMs + ACCESS_TTL_MS),
      refreshToken: `rc1.${deviceId}.${refresh}`,
      refreshExpiresAt: iso(nowMs + REFRESH_TTL_MS),
    },
    stored: {
      access_hash: sha256(access),
      access_expires_at: iso(nowMs + ACCESS_TTL_MS),
      refresh_hash: sha256(refresh),
      refresh_expires_at: iso(nowMs + REFRESH_TTL_MS),
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

export async function login(db: Kysely<Database>, clock: Clock, body: LoginRequest) {
  const now = clock.now();
  const email = body.email.toLowerCase();
  const attempt = await reserveAttempt(db, email, now);
  const user = await repo.findUserByEmail(db, email);
  // An unknown email costs the same scrypt work as a real one, so timing does not tell them apart.
  const passwordOk = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash));
  if (!user || user.active !== 1 || !passwordOk) {
    await failAttempt(db, email, attempt, now);
    throw invalid();
  }
  await repo.clearLoginFailures(db, email);
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
      email: user.email,
      displayName: user.display_name,
      role: user.role as Role,
    },
    organization: toOrganizationDto(org),
    assignment: assignment ? toAssignmentDto(assignment, now) : null,
  };
}

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

export async function refresh(db: Kysely<Database>, clock: Clock, refreshToken: string) {
  const now = clock.now();
  const parts = splitToken(refreshToken);
  const device = parts ? await repo.findDeviceContext(db, parts.deviceId) : undefined;
  if (
    !parts ||
    !device ||
    !device.refresh_hash ||
    !sameHash(device.refresh_hash, sha256(parts.secret))
  ) {
    throw new HttpError(401, 'unauthorized', 'This refresh token is not valid; sign in again');
  }
  if (device.revoked_at)
    throw new HttpError(401, 'device_revoked', 'This device was revoked by an administrator');
  if (device.organization_deleted_at) throw organizationDeleted();
  // A revoked (or long expired) temporary usher gets no new credentials: the last access token
  // keeps only the push path open for the grace period (see authenticate).
  if (device.role === 'temp_usher') {
    const lapse = (await tempUsherStanding(db, device.user_id, now)).lapse;
    if (lapse) throw new HttpError(403, lapse.code, lapse.message);
  }
  if (!device.refresh_expires_at || Date.parse(device.refresh_expires_at) <= now) {
    throw new HttpError(401, 'token_expired', 'This session has expired; sign in again');
  }
  const tokens = issueTokens(device.device_id, now);
  await repo.updateDeviceTokens(db, device.device_id, tokens.stored);
  return { credentials: tokens.credentials };
}

export async function logout(db: Kysely<Database>, deviceId: string) {
  await repo.updateDeviceTokens(db, deviceId, {
    access_hash: '',
    refresh_hash: '',
    access_expires_at: iso(0),
    refresh_expires_at: iso(0),
  });
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
