import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BulkResolveResultSchema,
  BulkResolveSchema,
  ConflictDetailSchema,
  ConflictListQuerySchema,
  ConflictPageSchema,
  ErrorBody,
  ResolutionSchema,
  ResolvedConflictSchema,
  Uuid,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireRole, who } from '../../plugins/auth.ts';
import { getConflict, listConflicts, resolveMany } from './conflicts.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const readers = requireRole('admin', 'manager');
const resolvers = requireRole('admin');

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
          200: ConflictPageSchema,
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
          200: ConflictDetailSchema,
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
        response: { 200: ResolvedConflictSchema, ...errors },
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
          200: BulkResolveResultSchema,
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
