// Users, temporary usher assignments and devices.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssignmentEndSchema,
  CreatedIdSchema,
  DeviceListSchema,
  DeviceNameInputSchema,
  DeviceNameSchema,
  ErrorBody,
  PasswordResetSchema,
  UserInputSchema,
  UserListSchema,
  UserUpdateSchema,
  Uuid,
  type Role,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { deviceStreams, requireRole, who } from '../../plugins/auth.ts';
import { resetTotp } from '../auth/totp.service.ts';
import { resetPassword, updateUser } from '../auth/user-admin.service.ts';
import {
  createUser,
  endAssignment,
  listDevices,
  listUsers,
  nameOwnDevice,
  revokeAssignment,
  revokeDevice,
} from './people.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = Type.Object({ id: Uuid });

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/users',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: { tags: ['people'], response: { 200: UserListSchema, ...errors } },
    },
    async (req) => listUsers(ctx.db.kysely, who(req).organizationId, ctx.clock.now()),
  );

  app.post(
    '/users',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        body: UserInputSchema,
        response: { 201: CreatedIdSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createUser(ctx, who(req), req.body) }),
  );

  // Role and active are read on every request, so a change applies to the user's devices at once;
  // their open streams are closed here rather than at the next periodic check.
  app.patch(
    '/users/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        params: IdParams,
        body: UserUpdateSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      const deviceIds = await updateUser(ctx, who(req), req.params.id, {
        ...req.body,
        role: req.body.role as Role | undefined,
      });
      if (req.body.active === false || req.body.role)
        for (const id of deviceIds) deviceStreams(app).closeDevice(id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/users/:id/password',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        params: IdParams,
        body: PasswordResetSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      const deviceIds = await resetPassword(ctx, who(req), req.params.id, req.body.password);
      for (const id of deviceIds) deviceStreams(app).closeDevice(id);
      return reply.status(204).send(null);
    },
  );

  // A lost phone and lost recovery codes: an admin turns the user's second factor off (audited).
  app.post(
    '/users/:id/totp/reset',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['people'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await resetTotp(ctx.db.kysely, ctx.clock.now(), who(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/assignments/:id/revoke',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['people'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await revokeAssignment(ctx, who(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // Ends the shift instead of revoking it (see endAssignment).
  app.post(
    '/assignments/:id/end',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['people'],
        params: IdParams,
        response: { 200: AssignmentEndSchema, ...errors },
      },
    },
    async (req) => endAssignment(ctx, who(req), req.params.id),
  );

  app.get(
    '/devices',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: { tags: ['people'], response: { 200: DeviceListSchema, ...errors } },
    },
    async (req) => listDevices(ctx.db.kysely, who(req).organizationId),
  );

  // Anyone signed in names their own device ("Front door tablet"): the name admins recognise on
  // the live page, conflict cards and sync history.
  app.patch(
    '/me/device',
    {
      schema: {
        tags: ['people'],
        body: DeviceNameInputSchema,
        response: { 200: DeviceNameSchema, ...errors },
      },
    },
    async (req) => nameOwnDevice(ctx.db.kysely, who(req).deviceId, req.body.name),
  );

  app.post(
    '/devices/:id/revoke',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['people'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await revokeDevice(ctx, who(req), req.params.id);
      deviceStreams(app).closeDevice(req.params.id);
      return reply.status(204).send(null);
    },
  );
};
