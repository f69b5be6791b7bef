import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  LoginRequestSchema,
  LoginResponseSchema,
  LoginChallengeSchema,
  TotpLoginRequestSchema,
  CredentialsSchema,
  RefreshRequestSchema,
  OrganizationSchema,
  AssignmentSchema,
  Nullable,
  PasswordChangeSchema,
  PasswordConfirmSchema,
  RecoveryCodesSchema,
  RoleSchema,
  LanguageChoiceSchema,
  LanguageSchema,
  TotpConfirmSchema,
  TotpEnrolmentSchema,
  TotpStatusSchema,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { deviceStreams, requireAuth, requireRole, who } from '../../plugins/auth.ts';
import { findOrganization, findUserInOrg, latestAssignment } from './auth.repository.ts';
import {
  login,
  loginWithCode,
  logout,
  refresh,
  REFRESH_REUSED,
  userLanguage,
} from './auth.service.ts';
import { beginEnrolment, confirmEnrolment, disableOwnTotp, totpStatus } from './totp.service.ts';
import { toOrganizationDto } from '../organizations/organizations.service.ts';
import { toAssignmentDto } from './assignment.ts';
import { HttpError } from '../../lib/errors.ts';
import { changeOwnPassword, setOwnLanguage } from './user-admin.service.ts';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  409: ErrorBody,
  423: ErrorBody,
  429: ErrorBody,
};

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  app.post(
    '/auth/login',
    {
      // Slows password guessing per address (generous: a church's devices share one NAT);
      // the per-account lockout stops guessing per user.
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema, 202: LoginChallengeSchema, ...errors },
      },
    },
    async (req, reply) => {
      const result = await login(db.kysely, clock, req.body);
      // 202: the password was right, and a code from the authenticator app is still needed.
      return 'totpRequired' in result ? reply.status(202).send(result) : result;
    },
  );

  app.post(
    '/auth/login/totp',
    {
      // Wrong codes count toward the account's lockout (like wrong passwords).
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: TotpLoginRequestSchema,
        response: { 200: LoginResponseSchema, ...errors },
      },
    },
    async (req) => loginWithCode(db.kysely, clock, req.body),
  );

  app.post(
    '/auth/refresh',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: RefreshRequestSchema,
        response: { 200: Type.Object({ credentials: CredentialsSchema }), ...errors },
      },
    },
    async (req) => {
      try {
        return await refresh(db.kysely, clock, req.body.refreshToken);
      } catch (e) {
        // A reused refresh token signed the device out: its open streams close too.
        const deviceId = req.body.refreshToken.split('.')[1];
        if (e instanceof HttpError && e.code === REFRESH_REUSED && deviceId)
          deviceStreams(app).closeDevice(deviceId);
        throw e;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { lapsedAssignment: true },
      onRequest: requireAuth,
      schema: { tags: ['auth'], response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await logout(db.kysely, who(req).deviceId);
      deviceStreams(app).closeDevice(who(req).deviceId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/password',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['auth'],
        body: PasswordChangeSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      const others = await changeOwnPassword(db.kysely, clock.now(), who(req), req.body);
      for (const id of others) deviceStreams(app).closeDevice(id);
      return reply.status(204).send(null);
    },
  );

  // Any signed-in user picks the language of their own screens; null follows the organization's.
  app.patch(
    '/me/language',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['auth'],
        body: LanguageChoiceSchema,
        response: { 200: LanguageChoiceSchema, ...errors },
      },
    },
    // The schema admitted only LANGUAGES (its static type is a plain string).
    async (req) => setOwnLanguage(db.kysely, clock.now(), who(req), req.body.language),
  );

  // Two-step sign-in for the accounts that can read and change everything.
  const secondFactor = requireRole('admin', 'manager');
  app.get(
    '/me/totp',
    {
      onRequest: secondFactor,
      schema: {
        tags: ['auth'],
        response: { 200: TotpStatusSchema, ...errors },
      },
    },
    async (req) => totpStatus(db.kysely, who(req)),
  );

  app.post(
    '/me/totp',
    {
      onRequest: secondFactor,
      schema: {
        tags: ['auth'],
        response: { 200: TotpEnrolmentSchema, ...errors },
      },
    },
    async (req) => beginEnrolment(db.kysely, who(req)),
  );

  app.post(
    '/me/totp/confirm',
    {
      onRequest: secondFactor,
      schema: {
        tags: ['auth'],
        body: TotpConfirmSchema,
        response: { 200: RecoveryCodesSchema, ...errors },
      },
    },
    async (req) => confirmEnrolment(db.kysely, clock.now(), who(req), req.body.code),
  );

  app.post(
    '/me/totp/disable',
    {
      onRequest: secondFactor,
      schema: {
        tags: ['auth'],
        body: PasswordConfirmSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await disableOwnTotp(db.kysely, clock.now(), who(req), req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { lapsedAssignment: true },
      onRequest: requireAuth,
      schema: {
        tags: ['auth'],
        response: {
          200: Type.Object({
            user: Type.Object({
              id: Type.String(),
              displayName: Type.String(),
              role: RoleSchema,
              /** As on the login answer: the user's own choice, null for the organization's. */
              language: Nullable(LanguageSchema),
            }),
            organization: OrganizationSchema,
            deviceId: Type.String(),
            assignment: Nullable(AssignmentSchema),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const auth = who(req);
      const org = await findOrganization(db.kysely, auth.organizationId);
      if (!org) throw new HttpError(401, 'unauthorized', 'Your organization no longer exists');
      const a = await latestAssignment(db.kysely, auth.userId);
      const u = await findUserInOrg(db.kysely, auth.organizationId, auth.userId);
      return {
        user: {
          id: auth.userId,
          displayName: auth.displayName,
          role: auth.role,
          language: userLanguage(u?.language ?? null),
        },
        organization: toOrganizationDto(org),
        deviceId: auth.deviceId,
        assignment: a ? toAssignmentDto(a, clock.now()) : null,
      };
    },
  );
};
