import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AttendanceHistoryQuerySchema,
  AttendanceHistorySchema,
  ErrorBody,
  ParticipantInputSchema,
  ParticipantListQuerySchema,
  ParticipantPageSchema,
  ParticipantPatchSchema,
  ParticipantSchema,
  QrTokenSchema,
  Uuid,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireRole, who } from '../../plugins/auth.ts';
import {
  attendanceHistory,
  createParticipant,
  listParticipants,
  rotateQrToken,
  updateParticipant,
} from './participants.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = Type.Object({ id: Uuid });

export const participantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/participants',
    {
      onRequest: requireRole('admin', 'manager', 'usher', 'temp_usher'),
      schema: {
        tags: ['roster'],
        querystring: ParticipantListQuerySchema,
        response: { 200: ParticipantPageSchema, ...errors },
      },
    },
    async (req) => listParticipants(ctx.db.kysely, who(req).organizationId, req.query),
  );

  app.post(
    '/participants',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        body: ParticipantInputSchema,
        response: { 201: ParticipantSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createParticipant(ctx, who(req), req.body)),
  );

  app.patch(
    '/participants/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        body: ParticipantPatchSchema,
        response: { 200: ParticipantSchema, ...errors },
      },
    },
    async (req) => updateParticipant(ctx, who(req), req.params.id, req.body),
  );

  app.post(
    '/participants/:id/rotate-qr',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        response: { 200: QrTokenSchema, ...errors },
      },
    },
    async (req) => rotateQrToken(ctx, who(req), req.params.id),
  );

  // A participant's attendance history: every session they have a record for, newest first.
  app.get(
    '/participants/:id/attendance',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        querystring: AttendanceHistoryQuerySchema,
        response: { 200: AttendanceHistorySchema, ...errors },
      },
    },
    async (req) =>
      attendanceHistory(
        ctx.db.kysely,
        who(req).organizationId,
        req.params.id,
        req.query.limit ?? 100,
      ),
  );
};
