import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  protocolSupported,
  PullQuerySchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { deviceStreams, requireAuth, who } from '../../plugins/auth.ts';
import { HttpError } from '../../lib/errors.ts';
import { formatCursor, pull, serverEpoch } from './pull.service.ts';
import { push } from './push.service.ts';
import { currentSeq } from './seq.repository.ts';
import { openEventStream } from '../../lib/sse.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** Both directions: a device too old for this server, or newer than it, is told to update. */
function assertProtocol(version: number) {
  if (protocolSupported(version)) return;
  throw new HttpError(
    400,
    'protocol_unsupported',
    version > PROTOCOL_VERSION
      ? `This server speaks protocol ${PROTOCOL_VERSION}; the app sent ${version}. Update the server.`
      : `This app speaks protocol ${version}; the server needs ${MIN_PROTOCOL_VERSION} or later. Update the app.`,
  );
}

/** The handler's own time (before serialization), so a bench can split a round trip. */
function serverTiming(reply: FastifyReply, started: number) {
  reply.header('server-timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
}

export const syncRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const streams = deviceStreams(app);
  app.post(
    '/sync/push',
    {
      config: { lapsedAssignment: true },
      onRequest: requireAuth,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['sync'],
        body: PushRequestSchema,
        response: { 200: PushResponseSchema, ...errors },
      },
    },
    async (req, reply) => {
      assertProtocol(req.body.protocolVersion);
      const started = performance.now();
      const res = await push(ctx, who(req), req.body);
      serverTiming(reply, started);
      return res;
    },
  );

  app.get(
    '/sync/pull',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['sync'],
        querystring: PullQuerySchema,
        response: { 200: PullResponseSchema, ...errors },
      },
    },
    async (req, reply) => {
      // An app that predates this parameter speaks version 1.
      assertProtocol(req.query.protocolVersion ?? 1);
      const started = performance.now();
      const res = await pull(ctx.db.kysely, who(req), req.query, ctx.config.pullPageBytes);
      serverTiming(reply, started);
      return res;
    },
  );

  app.get(
    '/sync/stream',
    {
      config: { queryToken: true },
      onRequest: requireAuth,
      schema: {
        tags: ['sync'],
        querystring: Type.Object({ access_token: Type.Optional(Type.String()) }),
        response: { 401: ErrorBody },
      },
    },
    async (req, reply) => {
      const auth = who(req);
      const epoch = await serverEpoch(ctx.db.kysely);
      const cursor = formatCursor(epoch, await currentSeq(ctx.db.kysely, auth.organizationId));
      let unsubscribe = () => {};
      const { send } = openEventStream(req, reply, streams, () => unsubscribe());
      send('hello', { cursor });
      unsubscribe = ctx.notifier.subscribe(auth.organizationId, (n) =>
        send('changed', { sessionIds: n.sessionIds }),
      );
    },
  );
};
