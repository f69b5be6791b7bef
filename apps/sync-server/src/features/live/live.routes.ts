import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, LiveSnapshotSchema, Uuid } from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { deviceStreams, requireRole, who } from '../../plugins/auth.ts';
import { liveSnapshot } from './live.service.ts';
import { openEventStream } from '../../lib/sse.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const THROTTLE_MS = 400;

export const liveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const streams = deviceStreams(app);

  app.get(
    '/sessions/:id/live',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['live'],
        params: Type.Object({ id: Uuid }),
        response: { 200: LiveSnapshotSchema, ...errors },
      },
    },
    async (req) =>
      liveSnapshot(ctx.db.kysely, who(req).organizationId, req.params.id, ctx.clock.now()),
  );

  // Server-sent events: a fresh snapshot whenever a push or an admin write touches the session.
  app.get(
    '/sessions/:id/live/stream',
    {
      config: { queryToken: true },
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['live'],
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ access_token: Type.Optional(Type.String()) }),
        response: errors,
      },
    },
    async (req, reply) => {
      const org = who(req).organizationId;
      const id = req.params.id;
      const first = await liveSnapshot(ctx.db.kysely, org, id, ctx.clock.now());
      // A burst of pushes becomes one snapshot per THROTTLE_MS, not one query per push.
      let timer: NodeJS.Timeout | null = null;
      let unsubscribe = () => {};
      const { send } = openEventStream(req, reply, streams, () => {
        if (timer) clearTimeout(timer);
        unsubscribe();
      });
      send('snapshot', first);
      const refresh = () => {
        timer = null;
        liveSnapshot(ctx.db.kysely, org, id, ctx.clock.now()).then(
          (s) => send('snapshot', s),
          (e: unknown) => send('error', { message: String(e) }),
        );
      };
      unsubscribe = ctx.notifier.subscribe(org, (n) => {
        if (n.sessionIds.length > 0 && !n.sessionIds.includes(id)) return;
        timer ??= setTimeout(refresh, THROTTLE_MS);
      });
    },
  );
};
