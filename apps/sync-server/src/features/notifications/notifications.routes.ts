// The bell's API: a user's own notifications, read state and preferences. Admins and managers
// only (ushers are never notified); everything is scoped to the caller.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  NotificationReadSchema,
  ReadAllSchema,
  UnreadCountSchema,
  Uuid,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireRole, who } from '../../plugins/auth.ts';
import * as service from './notifications.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const staff = requireRole('admin', 'manager');

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const db = ctx.db.kysely;

  app.get(
    '/notifications',
    {
      onRequest: staff,
      schema: {
        tags: ['notifications'],
        description: 'Your notifications, newest first, with your unread count',
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationListSchema, ...errors },
      },
    },
    async (req) => service.listNotifications(db, who(req), req.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      onRequest: staff,
      schema: { tags: ['notifications'], response: { 200: UnreadCountSchema, ...errors } },
    },
    async (req) => ({ unreadCount: await service.unreadCount(db, who(req)) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      onRequest: staff,
      schema: {
        tags: ['notifications'],
        description: "Mark one of your notifications read (another user's id is not found)",
        params: Type.Object({ id: Uuid }),
        response: { 200: NotificationReadSchema, ...errors, 404: ErrorBody },
      },
    },
    async (req) => service.markRead(db, who(req), req.params.id, ctx.clock.now()),
  );

  app.post(
    '/notifications/read-all',
    {
      onRequest: staff,
      schema: { tags: ['notifications'], response: { 200: ReadAllSchema, ...errors } },
    },
    async (req) => service.markAllRead(db, who(req), ctx.clock.now()),
  );

  app.get(
    '/notifications/preferences',
    {
      onRequest: staff,
      schema: {
        tags: ['notifications'],
        response: { 200: NotificationPreferencesSchema, ...errors },
      },
    },
    async (req) => service.preferences(db, who(req)),
  );

  // PUT is the documented verb; PATCH answers the same (the kinds given change, the rest keep
  // their setting), for clients whose HTTP helper has no PUT.
  app.route({
    method: ['PUT', 'PATCH'],
    url: '/notifications/preferences',
    onRequest: staff,
    schema: {
      tags: ['notifications'],
      description:
        'Turn kinds of notification on or off for yourself; kinds left out keep their setting',
      body: NotificationPreferencesUpdateSchema,
      response: { 200: NotificationPreferencesSchema, ...errors },
    },
    handler: async (req) => service.savePreferences(db, who(req), req.body.items, ctx.clock.now()),
  });
};
