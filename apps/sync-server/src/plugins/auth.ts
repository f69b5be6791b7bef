// Route guards: `authenticate` resolves the device credentials; `requireRole` checks the role.
// Every handler after them reads `req.auth` and scopes every query to its organization.
import type { Role } from '@rollcall/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../features/auth/auth.service.ts';
import { HttpError } from '../lib/errors.ts';
import type { AuthContext } from '../features/auth/auth.service.ts';

function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  // EventSource cannot set headers, so the stream accepts the token as a query parameter.
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.access_token === 'string' ? q.access_token : undefined;
}

export async function requireAuth(req: FastifyRequest, _reply: FastifyReply) {
  req.auth = await authenticate(req.server.ctx.db.kysely, req.server.ctx.clock, bearer(req));
}

/**
 * Like requireAuth, but also lets in a temporary usher whose assignment was revoked or expired:
 * only for push (what was recorded in time must still arrive), /me and logout.
 */
export async function requireAuthLapsedAssignment(req: FastifyRequest, _reply: FastifyReply) {
  req.auth = await authenticate(req.server.ctx.db.kysely, req.server.ctx.clock, bearer(req), {
    lapsedAssignment: true,
  });
}

export function requireRole(...roles: Role[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.auth) await requireAuth(req, reply);
    if (!roles.includes(req.auth!.role)) {
      throw new HttpError(
        403,
        'forbidden',
        `This needs the role ${roles.join(' or ')}; you are ${req.auth!.role}`,
      );
    }
  };
}

/** For handlers behind requireAuth: the caller, never null there. */
export const who = (req: FastifyRequest): AuthContext => {
  if (!req.auth) throw new HttpError(401, 'unauthorized', 'Sign in first');
  return req.auth;
};
