// Organization settings and presence states; the logic is in settings.service.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  OrganizationPatchSchema,
  OrganizationSchema,
  PresenceStateInputSchema,
  PresenceStateListSchema,
  PresenceStatePatchSchema,
  PresenceStateSchema,
  Uuid,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireAuth, requireRole, who } from '../../plugins/auth.ts';
import {
  createPresenceState,
  getOrganization,
  listPresenceStates,
  updateOrganization,
  updatePresenceState,
} from './settings.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = Type.Object({ id: Uuid });

export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/organization',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: { tags: ['settings'], response: { 200: OrganizationSchema, ...errors } },
    },
    async (req) => getOrganization(ctx.db.kysely, who(req).organizationId),
  );

  app.patch(
    '/organization',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['settings'],
        body: OrganizationPatchSchema,
        response: { 200: OrganizationSchema, ...errors },
      },
    },
    async (req) => updateOrganization(ctx, who(req), req.body),
  );

  app.get(
    '/presence-states',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['roster'],
        response: { 200: PresenceStateListSchema, ...errors },
      },
    },
    async (req) => listPresenceStates(ctx.db.kysely, who(req).organizationId),
  );

  app.post(
    '/presence-states',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['settings'],
        body: PresenceStateInputSchema,
        response: { 201: PresenceStateSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPresenceState(ctx, who(req), req.body)),
  );

  // The code is the identity devices and records use: it never changes; everything else may.
  app.patch(
    '/presence-states/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['settings'],
        params: IdParams,
        body: PresenceStatePatchSchema,
        response: { 200: PresenceStateSchema, ...errors },
      },
    },
    async (req) => updatePresenceState(ctx, who(req), req.params.id, req.body),
  );
};
