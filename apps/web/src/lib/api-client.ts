// The admin API as typed calls, built from the route table in packages/shared/src/api/routes.ts:
// `client.participants.list({ limit: 1000 })`, `client.conflicts.resolve(id, body)`. Arguments
// and answers take their types from the server's schemas, so no screen writes a URL or a type.
// Sending goes through the device's Api (sync/api.ts), which owns credentials and renewal.
import {
  apiRoutes,
  type ApiRoutes,
  type ApiRouteSpec,
  type RouteArgs,
  type RouteResponse,
} from '@rollcall/shared';
import type { Api } from '../sync/api.ts';

/** A read a screen keeps loaded (useRemote): `key` tells one query's answer from another's. */
export interface Remote<T> {
  key: string;
  load(): Promise<T>;
}

type Views<F extends 'call' | 'remote' | 'file'> = {
  [G in keyof ApiRoutes]: {
    [N in keyof ApiRoutes[G]]: ApiRoutes[G][N] extends infer R extends ApiRouteSpec
      ? (...args: RouteArgs<R>) => {
          call: Promise<RouteResponse<R>>;
          remote: Remote<RouteResponse<R>>;
          file: Promise<Blob>;
        }[F]
      : never;
  };
};

interface Request {
  method: ApiRouteSpec['method'];
  url: string;
  body: unknown;
}

/** The method, URL and body of one call: path parameters first, then the body, then the query. */
function requestOf(route: ApiRouteSpec, args: unknown[]): Request {
  const rest = [...args];
  const url = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(String(rest.shift())));
  const body = route.body ? rest.shift() : undefined;
  const query = route.query ? (rest.shift() as Record<string, unknown> | undefined) : undefined;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null) search.set(k, String(v));
  const q = search.toString();
  return { method: route.method, url: q ? `${url}?${q}` : url, body };
}

function send(a: Api, route: ApiRouteSpec, r: Request): Promise<unknown> {
  if (route.file) return a.getBlob(r.url);
  switch (r.method) {
    case 'GET':
      return a.get(r.url);
    case 'POST':
      return a.post(r.url, r.body);
    case 'PATCH':
      return a.patch(r.url, r.body);
    case 'PUT':
      return a.put(r.url, r.body);
  }
}

function views(make: (route: ApiRouteSpec) => (...args: unknown[]) => unknown) {
  return Object.fromEntries(
    Object.entries(apiRoutes).map(([group, routes]) => [
      group,
      Object.fromEntries(
        Object.entries(routes).map(([name, route]: [string, ApiRouteSpec]) => [name, make(route)]),
      ),
    ]),
  );
}

/**
 * Three views of the same routes: `client` calls one, `remote` describes a read for useRemote,
 * `files` fetches a GET route's answer as a file (a report as CSV or PDF with its `format`).
 */
export function createClient(a: Api) {
  return {
    client: views(
      (route) =>
        (...args) =>
          send(a, route, requestOf(route, args)),
    ) as Views<'call'>,
    remote: views((route) => (...args) => {
      const r = requestOf(route, args);
      return { key: r.url, load: () => send(a, route, r) };
    }) as Views<'remote'>,
    files: views(
      (route) =>
        (...args) =>
          a.getBlob(requestOf(route, args).url),
    ) as Views<'file'>,
  };
}
