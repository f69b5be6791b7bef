// Builds the Fastify app; never listens (tests use app.inject, server.ts listens).
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PROTOCOL_VERSION } from '@rollcall/shared';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Type } from '@sinclair/typebox';
import { contextPlugin, type AppContext } from './plugins/context.ts';
import { installErrorHandler, installNotFound } from './plugins/errors.ts';
import { authenticateEveryRoute } from './plugins/auth.ts';
import { recordRoutes } from './plugins/route-access.ts';
import { withRedaction } from './lib/log.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { syncRoutes } from './features/sync/sync.routes.ts';
import { conflictRoutes } from './features/conflicts/conflicts.routes.ts';
import { historyRoutes } from './features/history/history.routes.ts';
import { participantRoutes } from './features/participants/participants.routes.ts';
import { sessionRoutes } from './features/sessions/sessions.routes.ts';
import { peopleRoutes } from './features/people/people.routes.ts';
import { organizationRoutes } from './features/organizations/organizations.routes.ts';
import { liveRoutes } from './features/live/live.routes.ts';
import { excuseRoutes } from './features/excuses/excuses.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { reportRoutes } from './features/reports/reports.routes.ts';
import { importRoutes } from './features/imports/imports.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { retentionRoutes } from './features/retention/retention.routes.ts';

export async function buildApp(
  ctx: AppContext,
  opts: { logger?: FastifyServerOptions['logger'] } = {},
) {
  const app = Fastify({
    logger: withRedaction(opts.logger ?? false),
    // Off unless configured: with it on, any client could pick its address (X-Forwarded-For) and
    // the per-address login limit would never trigger.
    trustProxy: ctx.config.trustProxy ?? false,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(app);
  await app.register(contextPlugin, { ctx });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        // No 'unsafe-inline': React sets styles through the DOM, which a CSP does not govern.
        'style-src': ["'self'"],
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
  });
  // br/gzip above 1 KB; event streams are hijacked (and excluded by type) so they are never buffered.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Rollcall sync server', version: `protocol ${PROTOCOL_VERSION}` } },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/health',
    {
      schema: {
        response: {
          200: Type.Object({
            status: Type.String(),
            database: Type.String(),
            protocolVersion: Type.Integer(),
          }),
        },
      },
    },
    async () => {
      await ctx.db.kysely.selectFrom('server_meta').select('key').limit(1).execute();
      return { status: 'ok', database: ctx.db.dialect, protocolVersion: PROTOCOL_VERSION };
    },
  );
  app.addHook('onSend', async (req, reply) => {
    // Personal data must not sit in shared or browser caches.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  await app.register(
    async (api) => {
      recordRoutes(api, app.apiRoutes);
      authenticateEveryRoute(api);
      await api.register(authRoutes);
      await api.register(syncRoutes);
      await api.register(conflictRoutes);
      await api.register(historyRoutes);
      await api.register(participantRoutes);
      await api.register(sessionRoutes);
      await api.register(peopleRoutes);
      await api.register(organizationRoutes);
      await api.register(liveRoutes);
      await api.register(excuseRoutes);
      await api.register(auditRoutes);
      await api.register(reportRoutes);
      await api.register(importRoutes);
      await api.register(notificationRoutes);
      await api.register(retentionRoutes);
    },
    { prefix: '/api/v1' },
  );
  const spa = await serveWeb(app, ctx.config.webDist);
  installNotFound(app, spa);
  return app;
}

// The built PWA on the same origin as the API (the SPA fallback is in installNotFound).
async function serveWeb(app: FastifyInstance, webDist: string | null): Promise<boolean> {
  if (!webDist || !existsSync(webDist)) return false;
  // A source map would hand out the app's source; one left in a build folder stays private, and
  // the SPA fallback must not answer for it either (a 200 would look like a map to a tool).
  app.addHook('onRequest', async (req, reply) => {
    const path = decoded(req.url.split('?')[0] ?? '').toLowerCase();
    if (!path.startsWith('/api/') && path.endsWith('.map'))
      return reply.status(404).send({
        statusCode: 404,
        code: 'not_found',
        error: 'Not Found',
        message: 'Not found',
      });
  });
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheControlFor(webDist, path));
    },
  });
  return true;
}

/**
 * Vite names every file in assets/ by its content's hash, so a browser may keep one for a year
 * without asking; everything else (index.html, sw.js, the manifest) names the current version and
 * is checked on every load, or an update would never reach a device.
 */
function cacheControlFor(webDist: string, file: string): string {
  const rel = relative(webDist, file).split(sep);
  return rel.length > 1 && rel[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

// What the static handler will look for: `/app.m%61p` is `/app.map` to it.
function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
