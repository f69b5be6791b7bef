// Users, temporary usher assignments and devices as admins see and manage them.
import { uuidv7, type Role, type UserAccount, type UserInput } from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/secrets.ts';
import type { AppContext } from '../../plugins/context.ts';
import { assignmentStatus } from '../auth/assignment.ts';
import { emailInOrg, signInEmail } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { hasSecondFactor } from '../auth/totp.service.ts';
import { createUserAccount } from '../auth/user-admin.service.ts';
import { rosterWrite } from '../organizations/roster-write.service.ts';
import * as repo from './people.repository.ts';

export async function listUsers(
  db: Kysely<Database>,
  org: string,
  now: number,
): Promise<{ items: UserAccount[] }> {
  const users = await repo.userRows(db, org);
  const assignments = await repo.assignmentRows(db, org);
  const devices = await repo.tempUsherDeviceRows(db, org);
  const refused = await repo.lapseRefusals(
    db,
    org,
    devices.map((d) => d.id),
  );
  return {
    items: users.map((u) => {
      const a = assignments.find((x) => x.user_id === u.id);
      const mine = devices.filter((d) => d.user_id === u.id);
      return {
        id: u.id,
        email: signInEmail(u),
        displayName: u.display_name,
        role: u.role,
        active: u.active === 1,
        twoStep: hasSecondFactor(u),
        assignment: a
          ? {
              id: a.id,
              expiresAt: a.expires_at,
              status: assignmentStatus(a, now),
              location: a.location,
              remainingMs: Math.max(0, Date.parse(a.expires_at) - now),
              checkins: a.checkins_count,
              qrScans: a.qr_count,
              codeEntries: a.code_count,
              revokedAt: a.revoked_at,
              lateAccepted: a.late_count,
              refused: mine.reduce((n, d) => n + (refused.get(d.id) ?? 0), 0),
              devices: mine.map((d) => ({
                id: d.id,
                name: d.name,
                pendingCount: d.pending_count,
                lastSyncAt: d.last_sync_at,
              })),
            }
          : null,
      };
    }),
  };
}

/** A new user (and a temporary usher's assignment with it); returns the user's id. */
export async function createUser(ctx: AppContext, auth: AuthContext, b: UserInput) {
  if (b.role === 'temp_usher' && !b.assignment)
    throw badRequest('A temporary usher needs an assignment with expiresAt', [
      { path: 'body/assignment', message: 'is required for temp_usher' },
    ]);
  const email = b.email.toLowerCase();
  // Only this organization's own users are named: whether another organization uses the
  // address is never said (the account is created either way; see createUserAccount).
  if (await emailInOrg(ctx.db.kysely, auth.organizationId, email))
    throw conflict(`This organization already has a user with email ${b.email}`, 'email_taken');
  assertPasswordAllowed(b.password, b.role, 'body/password', b);
  const passwordHash = await hashPassword(b.password);
  return rosterWrite(ctx, auth, async (s) => {
    const userId = await createUserAccount(s.trx, s.seq.next(), ctx.clock.now(), {
      organizationId: auth.organizationId,
      email,
      displayName: b.displayName,
      role: b.role as Role,
      passwordHash,
    });
    if (b.assignment) {
      await repo.insertAssignment(s.trx, {
        id: uuidv7(),
        organization_id: auth.organizationId,
        user_id: userId,
        expires_at: b.assignment.expiresAt,
        status: 'active',
        location: b.assignment.location ?? null,
        created_by: auth.userId,
        created_at: s.nowIso,
        revoked_at: null,
        checkins_count: 0,
        qr_count: 0,
        code_count: 0,
      });
    }
    await s.audit('user', userId, 'create', null, {
      email: b.email,
      role: b.role,
      assignment: b.assignment ?? null,
    });
    return userId;
  });
}

async function existingAssignment(trx: Transaction<Database>, org: string, id: string) {
  const a = await repo.findAssignment(trx, org, id);
  if (!a) throw notFound(`Assignment ${id}`);
  return a;
}

export async function revokeAssignment(ctx: AppContext, auth: AuthContext, id: string) {
  await rosterWrite(ctx, auth, async (s) => {
    const a = await existingAssignment(s.trx, auth.organizationId, id);
    // Revoking twice keeps the first time: it is the cutoff for what the device recorded.
    if (a.revoked_at) return;
    await repo.updateAssignment(s.trx, a.id, { status: 'revoked', revoked_at: s.nowIso });
    await s.audit('usher_assignment', a.id, 'revoke', null, { revokedAt: s.nowIso });
  });
}

/**
 * Ends the shift instead of revoking it: expiry becomes now, so what was recorded until now is
 * accepted for the grace period and the device's credentials are not cut off at once.
 */
export async function endAssignment(ctx: AppContext, auth: AuthContext, id: string) {
  return rosterWrite(ctx, auth, async (s) => {
    const a = await existingAssignment(s.trx, auth.organizationId, id);
    const status = assignmentStatus(a, Date.parse(s.nowIso));
    if (status !== 'active')
      throw conflict(`This assignment is already ${status}`, 'assignment_not_active');
    await repo.updateAssignment(s.trx, a.id, { expires_at: s.nowIso });
    await s.audit(
      'usher_assignment',
      a.id,
      'end',
      { expiresAt: a.expires_at },
      { expiresAt: s.nowIso },
    );
    return { expiresAt: s.nowIso };
  });
}

export async function listDevices(db: Kysely<Database>, org: string) {
  const rows = await repo.deviceRows(db, org);
  return {
    items: rows.map((d) => ({
      id: d.id,
      userId: d.user_id,
      userName: d.display_name,
      name: d.name,
      appVersion: d.app_version,
      lastSeenAt: d.last_seen_at,
      lastSyncAt: d.last_sync_at,
      pendingCount: d.pending_count,
      revokedAt: d.revoked_at,
      createdAt: d.created_at,
    })),
  };
}

/** Anyone signed in names their own device; not a roster change, so no audit entry. */
export async function nameOwnDevice(db: Kysely<Database>, deviceId: string, given: string) {
  const name = given.trim();
  await repo.renameDevice(db, deviceId, name);
  return { id: deviceId, name };
}

export async function revokeDevice(ctx: AppContext, auth: AuthContext, id: string) {
  await rosterWrite(ctx, auth, async (s) => {
    if (!(await repo.revokeDevice(s.trx, auth.organizationId, id, s.nowIso)))
      throw notFound(`Device ${id}`);
    await s.audit('device', id, 'revoke', null, { revokedAt: s.nowIso });
  });
}
