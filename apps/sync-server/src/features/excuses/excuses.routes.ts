import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreatedIdSchema,
  ErrorBody,
  ExcuseDecisionResultSchema,
  ExcuseDecisionSchema,
  ExcuseInputSchema,
  ExcuseListQuerySchema,
  ExcuseListSchema,
  Uuid,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireRole, who } from '../../plugins/auth.ts';
import * as repo from './excuses.repository.ts';
import { attachmentDisposition, safeContentType } from '../../lib/download.ts';
import { attachmentOf, decideExcuse, submitExcuse } from './excuses.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const excuseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/excuses',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['excuses'],
        querystring: ExcuseListQuerySchema,
        response: { 200: ExcuseListSchema, ...errors },
      },
    },
    async (req) => ({
      items: (await repo.list(ctx.db.kysely, who(req).organizationId, req.query)).map((e) => ({
        id: e.id,
        sessionId: e.session_id,
        sessionName: e.session_name,
        sessionStart: e.scheduled_start,
        participantId: e.participant_id,
        participantName: `${e.first_name} ${e.last_name}`,
        reason: e.reason,
        attachmentName: e.attachment_name,
        status: e.status,
        submittedAt: e.submitted_at,
        submittedBy: e.submitted_by_name,
        decidedAt: e.decided_at,
        decidedBy: e.decided_by_name,
        decisionNote: e.decision_note,
      })),
    }),
  );

  // Admins and leaders (managers) submit; only admins decide.
  app.post(
    '/excuses',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['excuses'],
        body: ExcuseInputSchema,
        response: { 201: CreatedIdSchema, ...errors },
      },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (req, reply) => reply.status(201).send(await submitExcuse(ctx, who(req), req.body)),
  );

  for (const [verb, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/excuses/:id/${verb}`,
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['excuses'],
          params: Type.Object({ id: Uuid }),
          body: ExcuseDecisionSchema,
          response: {
            200: ExcuseDecisionResultSchema,
            ...errors,
          },
        },
      },
      async (req) => decideExcuse(ctx, who(req), req.params.id, approve, req.body.note ?? null),
    );
  }

  app.get(
    '/excuses/:id/attachment',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['excuses'],
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Unknown({ description: 'the attached file' }), ...errors },
      },
    },
    async (req, reply) => {
      const a = await attachmentOf(ctx, who(req), req.params.id);
      return reply
        .header('content-type', safeContentType(a.type))
        .header('content-disposition', attachmentDisposition(a.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(a.data);
    },
  );
};
