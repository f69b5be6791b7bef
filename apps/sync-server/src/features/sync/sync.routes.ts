import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PROTOCOL_VERSION, PullQuerySchema, PullResponseSchema, PushRequestSchema, PushResponseSchema } from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireAuth, who } from '../../plugins/auth.ts';
import { HttpError } from '../../lib/errors.ts';
import { pull, serverEpoch } from './pull.service.ts';
import { push } from './push.service.ts';
import { currentSeq } from './seq.repository.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const HEARTBEAT_MS = 15_000;

export const syncRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  // Open streams are ended before the server closes, or close() would wait on them forever.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  app.post('/sync/push', {
    preHandler: requireAuth,
    bodyLimit: 8 * 1024 * 1024,
    schema: { tags: ['sync'], body: PushRequestSchema, response: { 200: PushResponseSchema, ...errors } },
  }, async (req) => {
    if (req.body.protocolVersion > PROTOCOL_VERSION) {
      throw new HttpError(400, 'protocol_unsupported', `This server speaks protocol ${PROTOCOL_VERSION}; the app sent ${req.body.protocolVersion}`);
    }
    return push(ctx, who(req), req.body);
  });

  app.get('/sync/pull', {
    preHandler: requireAuth,
    schema: { tags: ['sync'], querystring: PullQuerySchema, response: { 200: PullResponseSchema, ...errors } },
  }, async (req) => pull(ctx.db.kysely, who(req), req.query));

  app.get('/sync/stream', {
    preHandler: requireAuth,
    schema: { tags: ['sync'], querystring: Type.Object({ access_token: Type.Optional(Type.String()) }), response: { 401: ErrorBody } },
  }, async (req, reply) => {
    const auth = who(req);
    const epoch = await serverEpoch(ctx.db.kysely);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('hello', { cursor: `${epoch}.${await currentSeq(ctx.db.kysely, auth.organizationId)}` });
    const unsubscribe = ctx.notifier.subscribe(auth.organizationId, (n) => send('changed', { sessionIds: n.sessionIds }));
    const beat = setInterval(() => send('heartbeat', { at: new Date(ctx.clock.now()).toISOString() }), HEARTBEAT_MS);
    const end = () => {
      clearInterval(beat);
      unsubscribe();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    streams.add(end);
    req.raw.on('close', end);
  });
};
