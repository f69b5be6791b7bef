import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  PushDetailSchema,
  PushHistoryPageSchema,
  ReapplyResultSchema,
  SyncHistoryQuerySchema,
  Uuid,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireRole, who } from '../../plugins/auth.ts';
import { notFound } from '../../lib/errors.ts';
import * as repo from './history.repository.ts';
import { reapplyRejection } from './history.service.ts';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export const historyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.ctx.db.kysely;
  app.get(
    '/sync-history',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['sync'],
        querystring: SyncHistoryQuerySchema,
        response: {
          200: PushHistoryPageSchema,
          ...errors,
        },
      },
    },
    async (req) => repo.listHistory(db, who(req).organizationId, req.query),
  );

  app.get(
    '/sync-history/:id',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['sync'],
        params: Type.Object({ id: Uuid }),
        response: {
          200: PushDetailSchema,
          ...errors,
        },
      },
    },
    async (req) => {
      const found = await repo.getHistory(db, who(req).organizationId, req.params.id);
      if (!found) throw notFound(`Sync history ${req.params.id}`);
      return found;
    },
  );

  app.post(
    '/sync-rejections/:id/reapply',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['sync'],
        params: Type.Object({ id: Uuid }),
        description:
          'Push a rejected change again, as the device that recorded it, after its cause was fixed',
        response: {
          200: ReapplyResultSchema,
          ...errors,
        },
      },
    },
    async (req) => reapplyRejection(app.ctx, who(req), req.params.id),
  );
};
