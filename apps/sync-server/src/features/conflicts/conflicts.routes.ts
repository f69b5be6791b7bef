import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BulkResolveSchema,
  ConflictListQuerySchema,
  ConflictSchema,
  ErrorBody,
  PresenceRecordSchema,
  ResolutionSchema,
  Uuid,
  Nullable,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireRole, who } from '../../plugins/auth.ts';
import { getConflict, listConflicts, resolveMany } from './conflicts.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const readers = requireRole('admin', 'manager');
const resolvers = requireRole('admin');
const Item = Type.Object({
  id: Uuid,
  sessionId: Uuid,
  participantId: Uuid,
  participantName: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  record: Type.Optional(PresenceRecordSchema),
});
const Earlier = Type.Array(
  Type.Object({
    id: Type.String(),
    sessionId: Type.String(),
    status: Type.String(),
    choice: Nullable(Type.String()),
    state: Nullable(Type.String()),
    resolvedAt: Nullable(Type.String()),
    rule: Nullable(Type.String()),
  }),
);

export const conflictRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/conflicts',
    {
      onRequest: readers,
      schema: {
        tags: ['conflicts'],
        querystring: ConflictListQuerySchema,
        response: {
          200: Type.Object({ items: Type.Array(ConflictSchema), total: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (req) => listConflicts(ctx, who(req), req.query),
  );

  app.get(
    '/conflicts/:id',
    {
      onRequest: readers,
      schema: {
        tags: ['conflicts'],
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Intersect([ConflictSchema, Type.Object({ earlierResolutions: Earlier })]),
          ...errors,
        },
      },
    },
    async (req) => getConflict(ctx, who(req), req.params.id),
  );

  app.post(
    '/conflicts/:id/resolve',
    {
      onRequest: resolvers,
      schema: {
        tags: ['conflicts'],
        params: Type.Object({ id: Uuid }),
        body: ResolutionSchema,
        response: { 200: Item, ...errors },
      },
    },
    async (req) => (await resolveMany(ctx, who(req), [req.params.id], req.body))[0]!,
  );

  app.post(
    '/conflicts/bulk-resolve',
    {
      onRequest: resolvers,
      schema: {
        tags: ['conflicts'],
        body: BulkResolveSchema,
        response: {
          200: Type.Object({
            preview: Type.Boolean(),
            count: Type.Integer(),
            items: Type.Array(Item),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const preview = req.body.preview ?? false;
      const items = await resolveMany(ctx, who(req), req.body.ids, req.body.resolution, preview);
      return { preview, count: items.length, items };
    },
  );
};
