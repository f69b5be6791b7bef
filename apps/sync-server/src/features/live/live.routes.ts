import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Nullable, Uuid } from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { deviceStreams, requireRole, who } from '../../plugins/auth.ts';
import { liveSnapshot } from './live.service.ts';
import { openEventStream } from '../../lib/sse.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const THROTTLE_MS = 400;

const Snapshot = Type.Object({
  session: Type.Object({
    id: Type.String(),
    name: Type.String(),
    status: Type.String(),
    location: Nullable(Type.String()),
    scheduledStart: Type.String(),
  }),
  headcount: Type.Integer({ description: 'everyone who arrived (present or late)' }),
  stillIn: Type.Integer({ description: 'arrived and not checked out' }),
  left: Type.Integer({ description: 'arrived, then checked out' }),
  expected: Type.Integer(),
  byState: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      color: Type.String(),
      count: Type.Integer(),
    }),
  ),
  perMinute: Type.Array(Type.Object({ minute: Type.String(), count: Type.Integer() })),
  latest: Type.Array(
    Type.Object({
      participantId: Type.String(),
      name: Type.String(),
      state: Nullable(Type.String()),
      method: Type.String(),
      recordedAt: Type.String(),
      leftAt: Nullable(Type.String()),
      userName: Nullable(Type.String()),
      deviceName: Nullable(Type.String()),
      hasConflict: Type.Boolean(),
    }),
  ),
  devices: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      userName: Type.String(),
      records: Type.Integer(),
      pendingCount: Nullable(Type.Integer()),
      lastSyncAt: Nullable(Type.String()),
    }),
  ),
  generatedAt: Type.String(),
});

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
        response: { 200: Snapshot, ...errors },
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
