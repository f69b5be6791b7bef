// What every route needs, decorated once on the app: the database, the clock, config and the
// notifier; and each request's tenant scope (db/tenant-context.ts), empty until authentication
// names the caller's organization, so an unauthenticated request reaches no organization's rows.
import fp from 'fastify-plugin';
import { runInScope, type TenantScope } from '../db/tenant-context.ts';
import type { Config } from '../env.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import type { Notifier } from '../features/sync/notifier.ts';
import type { AuthContext } from '../features/auth/auth.service.ts';

import type { ApiRoute } from './route-access.ts';

export interface AppContext {
  db: Db;
  clock: Clock;
  config: Readonly<Config>;
  notifier: Notifier;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** Every API route and who may call it (see route-access.ts). */
    apiRoutes: ApiRoute[];
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
    app.decorate('apiRoutes', []);
    app.decorateRequest('auth', null);
    // Replaced by a fresh scope per request below (a shared default object would leak between them).
    app.decorateRequest('tenant', null as unknown as TenantScope);
    // Everything after onRequest runs inside this scope: Fastify reads the body in an AsyncResource
    // of the request, so the stream events that deliver it do not lose the context.
    app.addHook('onRequest', (req, _reply, done) => {
      req.tenant = { organizationId: '' };
      runInScope(req.tenant, done);
    });
  },
  { name: 'rollcall-context' },
);
