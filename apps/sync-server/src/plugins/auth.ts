// Route guards. Every API route authenticates in `onRequest`, before its body is read, so an
// anonymous caller cannot make the server parse megabytes; `requireRole` checks the role, also
// before the body. Handlers read `req.auth` and scope every query to its organization; on
// PostgreSQL the request's tenant scope (plugins/context.ts) is set to it too, so row-level
// security hides every other organization even from a query that forgets to.
import type { Role } from '@rollcall/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, deviceAllowed } from '../features/auth/auth.service.ts';
import { streamRegistry } from '../lib/sse.ts';
import { HttpError } from '../lib/errors.ts';
import { SYSTEM, asSystem } from '../db/tenant-context.ts';
import type { AuthContext } from '../features/auth/auth.service.ts';
import { roleGuard } from './route-access.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Login and refresh: reachable without credentials. */
    public?: boolean;
    /** Event streams: EventSource cannot set headers, so these alone take ?access_token=. */
    queryToken?: boolean;
    /**
     * Push, /me and logout: also open to a temporary usher whose assignment was revoked or
     * expired, so that what was recorded in time still arrives. Every other route refuses them.
     */
    lapsedAssignment?: boolean;
  }
}

function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  if (!req.routeOptions.config.queryToken) return undefined;
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.access_token === 'string' ? q.access_token : undefined;
}

// A token names its device, not (yet) an organization: finding it is system work.
export async function requireAuth(req: FastifyRequest, _reply: FastifyReply) {
  const { db, clock } = req.server.ctx;
  req.auth ??= await asSystem(() =>
    authenticate(db.kysely, clock, bearer(req), {
      lapsedAssignment: req.routeOptions.config.lapsedAssignment === true,
    }),
  );
  req.tenant.organizationId = req.auth.organizationId;
}

/**
 * Authenticates every route of `api` but the public ones, before any body is parsed. The public
 * ones (sign-in and refresh) find their user by email or refresh token across organizations, so
 * they run as system work.
 */
export function authenticateEveryRoute(api: FastifyInstance) {
  api.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config.public) req.tenant.organizationId = SYSTEM;
    else await requireAuth(req, reply);
  });
}

export function requireRole(...roles: Role[]) {
  return roleGuard(async (req: FastifyRequest, reply: FastifyReply) => {
    await requireAuth(req, reply);
    const role = who(req).role;
    if (!roles.includes(role)) {
      throw new HttpError(
        403,
        'forbidden',
        `This needs the role ${roles.join(' or ')}; you are ${role}`,
      );
    }
  }, roles);
}

/** For handlers behind requireAuth: the caller, never null there. */
export const who = (req: FastifyRequest): AuthContext => {
  if (!req.auth) throw new HttpError(401, 'unauthorized', 'Sign in first');
  return req.auth;
};

/** The server's event streams, re-checked against the device's credentials. */
export const deviceStreams = (app: FastifyInstance) =>
  streamRegistry(app, {
    allowed: (deviceId) =>
      asSystem(() => deviceAllowed(app.ctx.db.kysely, app.ctx.clock, deviceId)),
  });
