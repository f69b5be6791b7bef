// Who may call each API route, read from the routes as they register. The permissions test walks
// this list, so a route added tomorrow without a role check fails there instead of going unseen.
import type { Role } from '@rollcall/shared';
import type { FastifyInstance, RouteOptions } from 'fastify';

/** `signed-in`: any device with valid credentials; a role list: only those roles. */
export type RouteAccess = 'public' | 'signed-in' | readonly Role[];
export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route's schemas, for the test that holds the web's route table to them. */
  schema?: RouteOptions['schema'];
}

const guardRoles = new WeakMap<object, readonly Role[]>();

/** Tags a role guard so that the route list can say which roles it lets through. */
export function roleGuard<F extends object>(guard: F, roles: readonly Role[]): F {
  guardRoles.set(guard, roles);
  return guard;
}

function accessOf(route: RouteOptions): RouteAccess {
  if (route.config?.public) return 'public';
  const hooks = [route.onRequest, route.preHandler].flat().filter((h) => h !== undefined);
  for (const hook of hooks) {
    const roles = guardRoles.get(hook);
    if (roles) return roles;
  }
  return 'signed-in';
}

/** Records every route registered under `api` (HEAD twins of GET routes left out). */
export function recordRoutes(api: FastifyInstance, into: ApiRoute[]) {
  api.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      into.push({ method, url: route.url, access: accessOf(route), schema: route.schema });
    }
  });
}
