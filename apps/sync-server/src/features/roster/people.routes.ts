// Users, temporary usher assignments and devices.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Nullable, RoleSchema, uuidv7, type Role } from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { deviceStreams, requireRole, who } from '../../plugins/auth.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/secrets.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { resetPassword, updateUser } from '../auth/user-admin.service.ts';
import { createUserAccount } from '../auth/user-admin.service.ts';
import { emailInOrg, signInEmail } from '../auth/auth.repository.ts';
import { hasSecondFactor, resetTotp } from '../auth/totp.service.ts';
import { assignmentStatus } from '../auth/assignment.ts';
import { rosterWrite } from './roster.service.ts';
import { IdParams, UserInput } from './roster.schemas.ts';

const LAPSE_CODES = ['assignment_revoked', 'assignment_expired', 'grace_period_over'];

async function findAssignment(trx: Transaction<Database>, org: string, id: string) {
  const a = await trx
    .selectFrom('usher_assignments')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();
  if (!a) throw notFound(`Assignment ${id}`);
  return a;
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Assignment = Type.Object({
  id: Type.String(),
  expiresAt: Type.String(),
  status: Type.String(),
  location: Nullable(Type.String()),
  remainingMs: Type.Integer(),
  checkins: Type.Integer(),
  qrScans: Type.Integer(),
  codeEntries: Type.Integer(),
  revokedAt: Nullable(Type.String()),
  /** Accepted after the assignment closed because they were recorded before it. */
  lateAccepted: Type.Integer(),
  /** Refused because they were recorded after the assignment was revoked or expired. */
  refused: Type.Integer(),
  /** The user's devices and what each last reported waiting in its outbox. */
  devices: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      pendingCount: Nullable(Type.Integer()),
      lastSyncAt: Nullable(Type.String()),
    }),
  ),
});
const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
  /** Two-step sign-in is on (an admin can reset it for a lost phone). */
  twoStep: Type.Boolean(),
  assignment: Nullable(Assignment),
});
const Device = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  name: Nullable(Type.String()),
  appVersion: Nullable(Type.String()),
  lastSeenAt: Nullable(Type.String()),
  lastSyncAt: Nullable(Type.String()),
  pendingCount: Nullable(Type.Integer()),
  revokedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const db = ctx.db.kysely;
  app.get(
    '/users',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['people'],
        response: { 200: Type.Object({ items: Type.Array(User) }), ...errors },
      },
    },
    async (req) => {
      const org = who(req).organizationId;
      const users = await db
        .selectFrom('users')
        .selectAll()
        .where('organization_id', '=', org)
        .orderBy('display_name')
        .execute();
      const assignments = await db
        .selectFrom('usher_assignments')
        .selectAll()
        .where('organization_id', '=', org)
        .orderBy('created_at', 'desc')
        .execute();
      const now = ctx.clock.now();
      const { devices, refused } = await tempUsherDevices(org);
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
    },
  );

  app.post(
    '/users',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        body: UserInput,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const auth = who(req);
      const b = req.body;
      if (b.role === 'temp_usher' && !b.assignment)
        throw badRequest('A temporary usher needs an assignment with expiresAt', [
          { path: 'body/assignment', message: 'is required for temp_usher' },
        ]);
      const email = b.email.toLowerCase();
      // Only this organization's own users are named: whether another organization uses the
      // address is never said (the account is created either way; see createUserAccount).
      if (await emailInOrg(db, auth.organizationId, email))
        throw conflict(`This organization already has a user with email ${b.email}`, 'email_taken');
      assertPasswordAllowed(b.password, b.role, 'body/password', b);
      const passwordHash = await hashPassword(b.password);
      const id = await rosterWrite(ctx, auth, async (s) => {
        const userId = await createUserAccount(s.trx, s.seq.next(), ctx.clock.now(), {
          organizationId: auth.organizationId,
          email,
          displayName: b.displayName,
          role: b.role as Role,
          passwordHash,
        });
        if (b.assignment) {
          await s.trx
            .insertInto('usher_assignments')
            .values({
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
            })
            .execute();
        }
        await s.audit('user', userId, 'create', null, {
          email: b.email,
          role: b.role,
          assignment: b.assignment ?? null,
        });
        return userId;
      });
      return reply.status(201).send({ id });
    },
  );

  // Role and active are read on every request, so a change applies to the user's devices at once;
  // their open streams are closed here rather than at the next periodic check.
  app.patch(
    '/users/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        params: IdParams,
        body: Type.Object(
          {
            active: Type.Optional(Type.Boolean()),
            role: Type.Optional(RoleSchema),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      const deviceIds = await updateUser(ctx, who(req), req.params.id, {
        ...req.body,
        role: req.body.role as Role | undefined,
      });
      if (req.body.active === false || req.body.role)
        for (const id of deviceIds) deviceStreams(app).closeDevice(id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/users/:id/password',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        params: IdParams,
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      const deviceIds = await resetPassword(ctx, who(req), req.params.id, req.body.password);
      for (const id of deviceIds) deviceStreams(app).closeDevice(id);
      return reply.status(204).send(null);
    },
  );

  // A lost phone and lost recovery codes: an admin turns the user's second factor off (audited).
  app.post(
    '/users/:id/totp/reset',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['people'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await resetTotp(db, ctx.clock.now(), who(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  /** Temporary ushers' unrevoked devices, and how many changes each had refused for lapsing. */
  async function tempUsherDevices(org: string) {
    const devices = await db
      .selectFrom('devices as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .select(['d.id', 'd.user_id', 'd.name', 'd.pending_count', 'd.last_sync_at'])
      .where('d.organization_id', '=', org)
      .where('u.role', '=', 'temp_usher')
      .where('d.revoked_at', 'is', null)
      .orderBy('d.last_sync_at', 'desc')
      .execute();
    const counts = devices.length
      ? await db
          .selectFrom('sync_rejections')
          .select(['device_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('organization_id', '=', org)
          .where(
            'device_id',
            'in',
            devices.map((d) => d.id),
          )
          .where('code', 'in', LAPSE_CODES)
          .where('reapplied_at', 'is', null)
          .groupBy('device_id')
          .execute()
      : [];
    return { devices, refused: new Map(counts.map((c) => [c.device_id, Number(c.n)])) };
  }

  app.post(
    '/assignments/:id/revoke',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['people'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      const auth = who(req);
      await rosterWrite(ctx, auth, async (s) => {
        const a = await findAssignment(s.trx, auth.organizationId, req.params.id);
        // Revoking twice keeps the first time: it is the cutoff for what the device recorded.
        if (a.revoked_at) return;
        await s.trx
          .updateTable('usher_assignments')
          .set({ status: 'revoked', revoked_at: s.nowIso })
          .where('id', '=', a.id)
          .execute();
        await s.audit('usher_assignment', a.id, 'revoke', null, { revokedAt: s.nowIso });
      });
      return reply.status(204).send(null);
    },
  );

  // Ends the shift instead of revoking it: expiry becomes now, so what was recorded until now is
  // accepted for the grace period and the device's credentials are not cut off at once.
  app.post(
    '/assignments/:id/end',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        params: IdParams,
        response: { 200: Type.Object({ expiresAt: Type.String() }), ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      return rosterWrite(ctx, auth, async (s) => {
        const a = await findAssignment(s.trx, auth.organizationId, req.params.id);
        if (assignmentStatus(a, Date.parse(s.nowIso)) !== 'active')
          throw conflict(
            `This assignment is already ${assignmentStatus(a, Date.parse(s.nowIso))}`,
            'assignment_not_active',
          );
        await s.trx
          .updateTable('usher_assignments')
          .set({ expires_at: s.nowIso })
          .where('id', '=', a.id)
          .execute();
        await s.audit(
          'usher_assignment',
          a.id,
          'end',
          { expiresAt: a.expires_at },
          { expiresAt: s.nowIso },
        );
        return { expiresAt: s.nowIso };
      });
    },
  );

  app.get(
    '/devices',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['people'],
        response: { 200: Type.Object({ items: Type.Array(Device) }), ...errors },
      },
    },
    async (req) => {
      const rows = await db
        .selectFrom('devices as d')
        .innerJoin('users as u', 'u.id', 'd.user_id')
        .selectAll('d')
        .select('u.display_name')
        .where('d.organization_id', '=', who(req).organizationId)
        .orderBy('d.last_seen_at', 'desc')
        .limit(1000)
        .execute();
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
    },
  );

  // Anyone signed in names their own device ("Front door tablet"): the name admins recognise on
  // the live page, conflict cards and sync history. Not a roster change, so no audit entry.
  app.patch(
    '/me/device',
    {
      schema: {
        tags: ['people'],
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) }),
        response: { 200: Type.Object({ id: Type.String(), name: Type.String() }), ...errors },
      },
    },
    async (req) => {
      const { deviceId } = who(req);
      const name = req.body.name.trim();
      await db.updateTable('devices').set({ name }).where('id', '=', deviceId).execute();
      return { id: deviceId, name };
    },
  );

  app.post(
    '/devices/:id/revoke',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['people'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      const auth = who(req);
      await rosterWrite(ctx, auth, async (s) => {
        const r = await s.trx
          .updateTable('devices')
          .set({ revoked_at: s.nowIso })
          .where('id', '=', req.params.id)
          .where('organization_id', '=', auth.organizationId)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound(`Device ${req.params.id}`);
        await s.audit('device', req.params.id, 'revoke', null, { revokedAt: s.nowIso });
      });
      deviceStreams(app).closeDevice(req.params.id);
      return reply.status(204).send(null);
    },
  );
};
