// What every route needs, decorated once on the app: the database, the clock, config and the
// notifier; and each request's tenant scope (db/tenant-context.ts), empty until authentication
// names the caller's organization, so an unauthenticated request reaches no organization's rows.
import type { FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { runInScope, type TenantScope } from '../db/tenant-context.ts';
import type { Config } from '../env.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import type { Notifier } from '../features/sync/notifier.ts';
import type { AuthContext } from '../features/auth/auth.service.ts';

export interface AppContext {
  db: Db;
  clock: Clock;
  config: Readonly<Config>;
  notifier: Notifier;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Whose rows this request's queries may reach; set by plugins/auth.ts. */
    tenant: TenantScope;
  }
}

export const contextPlugin = fp<{ ctx: AppContext }>(
  async (app, opts) => {
    app.decorate('ctx', opts.ctx);
    app.decorateRequest('auth', null);
    // Replaced by a fresh scope per request below (a shared default object would leak between them).
    app.decorateRequest('tenant', null as unknown as TenantScope);
    // The scope is entered when the request arrives and again after its body is read: a body
    // arrives through stream events, which run outside the context the request started in.
    const enter = (req: FastifyRequest, _reply: unknown, done: HookHandlerDoneFunction) =>
      runInScope(req.tenant, done);
    app.addHook('onRequest', (req, reply, done) => {
      req.tenant = { organizationId: '' };
      enter(req, reply, done);
    });
    app.addHook('preValidation', enter);
    app.addHook('preHandler', enter);
  },
  { name: 'rollcall-context' },
);
