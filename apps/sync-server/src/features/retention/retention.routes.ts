// An organization's retention limits, kept in its settings under "retention" (read by the
// retention command), with a preview of what the command would remove today. The limits are for
// the server only: devices never receive them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, RetentionPolicySchema, RetentionSchema } from '@rollcall/shared';
import { notFound } from '../../lib/errors.ts';
import { requireRole, who } from '../../plugins/auth.ts';
import { DEFAULT_POLICY, planForOrganization, setRetentionPolicy } from './retention.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const retentionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const view = async (org: string) => {
    const plan = await planForOrganization(ctx.db, org, ctx.clock.now());
    if (!plan) throw notFound('Your organization');
    const { policy, problems, presenceBefore, auditBefore, removed } = plan;
    return {
      policy,
      defaults: DEFAULT_POLICY,
      problems,
      preview: { presenceBefore, auditBefore, removed },
    };
  };

  app.get(
    '/organization/retention',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: { tags: ['settings'], response: { 200: RetentionSchema, ...errors } },
    },
    async (req) => view(who(req).organizationId),
  );

  app.put(
    '/organization/retention',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['settings'],
        body: RetentionPolicySchema,
        response: { 200: RetentionSchema, ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      await setRetentionPolicy(ctx, auth, req.body);
      return view(auth.organizationId);
    },
  );
};
