// The web calls the admin API through the route table in packages/shared/src/api/routes.ts. This
// holds that table to the routes as the app registers them, so the two cannot drift: every route
// in the table exists with its method and URL and the schemas the table names, and every route the
// app has is in the table or is named below as served elsewhere.
import { apiRoutes, type ApiRouteSpec } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { dialects } from '../test/test-db.ts';

/** The device protocol and sign-in: apps/web/src/sync/api.ts calls these, not the typed client. */
const OUTSIDE_THE_TABLE = [
  'GET /api/v1/me',
  'GET /api/v1/sessions/:id/live/stream',
  'GET /api/v1/sync/pull',
  'GET /api/v1/sync/stream',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/totp',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/sync/push',
  // The documented verb for the same handler as PATCH, which the table uses.
  'PUT /api/v1/notifications/preferences',
];

/** The import routes check each row's field names against the server's lists; the table only
 * says a row is text by field name. */
const LOOSER_BODY = new Set([
  'POST /api/v1/imports/participants',
  'POST /api/v1/imports/attendance',
]);

const table = Object.entries(apiRoutes).flatMap(([group, routes]) =>
  Object.entries(routes).map(([name, r]: [string, ApiRouteSpec]) => ({
    name: `${group}.${name}`,
    key: `${r.method} ${r.path}`,
    spec: r,
  })),
);

// Schemas compared as JSON: the same constraints, whichever object holds them.
const plain = (s: unknown) => (s === undefined ? undefined : JSON.parse(JSON.stringify(s)));

describe.each(dialects)('the web’s route table on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const registered = () => new Map(h.app.apiRoutes.map((r) => [`${r.method} ${r.url}`, r]));

  it('names each route once', () => {
    expect(new Set(table.map((t) => t.key)).size).toBe(table.length);
  });

  it('has every route in it registered with its method and URL', () => {
    const app = registered();
    expect(table.filter((t) => !app.has(t.key)).map((t) => `${t.name}: ${t.key}`)).toEqual([]);
  });

  it('has every route the app registers, but the protocol’s', () => {
    const inTable = new Set(table.map((t) => t.key));
    const missing = [...registered().keys()].filter(
      (k) => !inTable.has(k) && !OUTSIDE_THE_TABLE.includes(k),
    );
    expect(missing).toEqual([]);
  });

  it('gives each route the query, body and answer schemas the server checks', () => {
    const app = registered();
    for (const { name, key, spec } of table) {
      const schema = (app.get(key)?.schema ?? {}) as {
        querystring?: unknown;
        body?: unknown;
        response?: Record<string, unknown>;
      };
      const answer = schema.response?.['200'] ?? schema.response?.['201'];
      expect({ name, query: plain(spec.query) }).toEqual({
        name,
        query: plain(schema.querystring),
      });
      if (!LOOSER_BODY.has(key))
        expect({ name, body: plain(spec.body) }).toEqual({ name, body: plain(schema.body) });
      if (!spec.file)
        expect({ name, answer: plain(spec.response) }).toEqual({ name, answer: plain(answer) });
    }
  });
});
