// Users, temporary usher assignments and devices.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Nullable, uuidv7, type Role } from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { deviceStreams, requireRole, who } from '../../plugins/auth.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/secrets.ts';
import { insertUser } from '../organizations/organizations.service.ts';
import { assignmentStatus } from '../auth/assignment.ts';
import { rosterWrite } from './roster.service.ts';
import { IdParams, UserInput } from './roster.schemas.ts';

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
});
const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
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
      return {
        items: users.map((u) => {
          const a = assignments.find((x) => x.user_id === u.id);
          return {
            id: u.id,
            email: u.email,
            displayName: u.display_name,
            role: u.role,
            active: u.active === 1,
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
      const taken = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', b.email.toLowerCase())
        .executeTakeFirst();
      if (taken) throw conflict(`A user with email ${b.email} already exists`, 'email_taken');
      const passwordHash = await hashPassword(b.password);
      const id = await rosterWrite(ctx, auth, async (s) => {
        const userId = await insertUser(s.trx, s.seq.next(), ctx.clock.now(), {
          organizationId: auth.organizationId,
          email: b.email,
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

  app.post(
    '/assignments/:id/revoke',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['people'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      const auth = who(req);
      await rosterWrite(ctx, auth, async (s) => {
        const r = await s.trx
          .updateTable('usher_assignments')
          .set({ status: 'revoked', revoked_at: s.nowIso })
          .where('id', '=', req.params.id)
          .where('organization_id', '=', auth.organizationId)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound(`Assignment ${req.params.id}`);
        await s.audit('usher_assignment', req.params.id, 'revoke', null, { revokedAt: s.nowIso });
      });
      return reply.status(204).send(null);
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
