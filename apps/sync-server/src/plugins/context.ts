// What every route needs, decorated once on the app: the database, the clock, config and the notifier.
import fp from 'fastify-plugin';
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
  }
}

export const contextPlugin = fp<{ ctx: AppContext }>(
  async (app, opts) => {
    app.decorate('ctx', opts.ctx);
    app.decorate('apiRoutes', []);
    app.decorateRequest('auth', null);
  },
  { name: 'rollcall-context' },
);
