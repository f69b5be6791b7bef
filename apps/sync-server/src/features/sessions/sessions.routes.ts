import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  GroupInputSchema,
  GroupListSchema,
  GroupSchema,
  SessionInputSchema,
  SessionListQuerySchema,
  SessionListSchema,
  SessionPatchSchema,
  SessionSchema,
  SessionSeriesInputSchema,
  Uuid,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { badRequest } from '../../lib/errors.ts';
import { requireAuth, requireRole, who } from '../../plugins/auth.ts';
import {
  createGroup,
  createSession,
  createSessions,
  listGroups,
  listSessions,
  updateSession,
} from './sessions.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const IdParams = Type.Object({ id: Uuid });

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/sessions',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['roster'],
        querystring: SessionListQuerySchema,
        response: { 200: SessionListSchema, ...errors },
      },
    },
    async (req) => listSessions(ctx.db.kysely, who(req).organizationId, req.query),
  );

  app.post(
    '/sessions',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        body: SessionInputSchema,
        response: { 201: SessionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (Date.parse(b.scheduledEnd) <= Date.parse(b.scheduledStart))
        throw badRequest('scheduledEnd must be after scheduledStart', [
          { path: 'body/scheduledEnd', message: 'must be after scheduledStart' },
        ]);
      return reply.status(201).send(await createSession(ctx, who(req), b));
    },
  );

  // A recurring series (weekly in the app): one session per occurrence, in one transaction. The
  // device computes the occurrences in its own time zone, so 9:00 stays 9:00 across a DST change.
  app.post(
    '/sessions/series',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        body: SessionSeriesInputSchema,
        response: { 201: SessionListSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { occurrences, ...b } = req.body;
      occurrences.forEach((o, i) => {
        if (Date.parse(o.scheduledEnd) <= Date.parse(o.scheduledStart))
          throw badRequest(`Occurrence ${i + 1} ends before it starts`, [
            { path: `body/occurrences/${i}/scheduledEnd`, message: 'must be after scheduledStart' },
          ]);
      });
      return reply.status(201).send({ items: await createSessions(ctx, who(req), b, occurrences) });
    },
  );

  app.patch(
    '/sessions/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        body: SessionPatchSchema,
        response: { 200: SessionSchema, ...errors },
      },
    },
    async (req) => updateSession(ctx, who(req), req.params.id, req.body),
  );

  app.get(
    '/groups',
    {
      onRequest: requireAuth,
      schema: { tags: ['roster'], response: { 200: GroupListSchema, ...errors } },
    },
    async (req) => listGroups(ctx.db.kysely, who(req).organizationId),
  );

  app.post(
    '/groups',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        body: GroupInputSchema,
        response: { 201: GroupSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createGroup(ctx, who(req), req.body)),
  );
};
