// Row-level security on PostgreSQL, as the app runs: its connections are `rollcall_app` (not the
// tables' owner) and carry the tenant scope of the work that checked them out. A query that
// forgets its `organization_id` filter still reaches only its own organization; work outside any
// scope reaches nothing. (`h.db` is the tests' superuser view, which PostgreSQL never subjects to
// policies; `h.ctx.db` is the app's.)
import { request } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../test/test-db.ts';
import { PROTOCOL_VERSION, type PushResponse } from '@rollcall/shared';
import { auth, change, createHarness, login, type Harness } from '../test/harness.ts';
import { asSystem, withTenant } from './tenant-context.ts';

describe.runIf(hasPostgres)('row-level security on postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('postgres');
  });
  afterAll(async () => {
    await h?.close();
  });

  const app = () => h.ctx.db.kysely;
  const organizationsOf = (rows: { organization_id: string }[]) =>
    new Set(rows.map((r) => r.organization_id));
  // Forgets the organization filter, as a buggy repository would.
  const everyParticipant = () =>
    app().selectFrom('participants').select('organization_id').execute();

  it('runs the app as a role that owns no table and cannot bypass the policies', async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>`
      SELECT r.rolsuper, r.rolbypassrls,
        (SELECT count(*)::int FROM pg_tables t WHERE t.tableowner = r.rolname) AS owns
      FROM pg_roles r WHERE r.rolname = 'rollcall_app'`.execute(h.db.kysely);
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owns: 0 }]);
    const who = await sql<{ u: string }>`SELECT current_user AS u`.execute(app());
    expect(who.rows).toEqual([{ u: 'rollcall_app' }]);
  });

  it("keeps a query that forgets its organization filter to the scope's organization", async () => {
    const demo = h.demo.organizationId;
    const rows = await withTenant(demo, everyParticipant);
    expect(rows).toHaveLength(20);
    expect(organizationsOf(rows)).toEqual(new Set([demo]));
    const users = await withTenant(demo, () =>
      app().selectFrom('users').select('organization_id').execute(),
    );
    expect(organizationsOf(users)).toEqual(new Set([demo]));
    const orgs = await withTenant(demo, () =>
      app().selectFrom('organizations').select('id').execute(),
    );
    expect(orgs).toEqual([{ id: demo }]);
  });

  it('gives work outside any scope no rows, and refuses its writes', async () => {
    expect(await everyParticipant()).toEqual([]);
    expect(await app().selectFrom('organizations').select('id').execute()).toEqual([]);
    const insert = app()
      .insertInto('groups')
      .values({
        id: '00000000-0000-7000-8000-000000000001',
        organization_id: h.other.organizationId,
        name: 'Smuggled',
        parent_id: null,
        active: 1,
        updated_at: new Date(h.clock.now()).toISOString(),
        seq: 1,
      })
      .execute();
    await expect(insert).rejects.toThrow(/row-level security/);
  });

  it("neither changes nor takes another organization's rows from within a scope", async () => {
    const demo = h.demo.organizationId;
    const other = h.other.organizationId;
    const taken = await withTenant(demo, () =>
      app()
        .updateTable('participants')
        .set({ first_name: 'Taken' })
        .where('organization_id', '=', other)
        .executeTakeFirst(),
    );
    expect(taken.numUpdatedRows).toBe(0n);
    const moved = withTenant(demo, () =>
      app()
        .updateTable('participants')
        .set({ organization_id: other })
        .where('organization_id', '=', demo)
        .execute(),
    );
    await expect(moved).rejects.toThrow(/row-level security/);
    const names = await h.db.kysely
      .selectFrom('participants')
      .select('first_name')
      .where('organization_id', '=', other)
      .execute();
    expect(names.some((n) => n.first_name === 'Taken')).toBe(false);
  });

  it("never lets a pooled connection carry one organization's scope into other work", async () => {
    const demo = h.demo.organizationId;
    const other = h.other.organizationId;
    // One after the other (the pool hands the same idle connection back), then interleaved.
    expect(organizationsOf(await withTenant(demo, everyParticipant))).toEqual(new Set([demo]));
    expect(organizationsOf(await withTenant(other, everyParticipant))).toEqual(new Set([other]));
    expect(await everyParticipant()).toEqual([]);
    const runs = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const org = [demo, other, ''][i % 3] ?? '';
        return withTenant(org, async () => ({
          org,
          seen: organizationsOf(await everyParticipant()),
        }));
      }),
    );
    for (const { org, seen } of runs) expect(seen).toEqual(new Set(org ? [org] : []));
  });

  it('lets system work see every organization', async () => {
    const rows = await asSystem(everyParticipant);
    expect(organizationsOf(rows)).toEqual(new Set([h.demo.organizationId, h.other.organizationId]));
  });

  it('forces fail-closed policies on every table with an organization_id column', async () => {
    const { rows: tables } = await sql<{ table_name: string; forced: boolean; enabled: boolean }>`
      SELECT c.table_name, k.relrowsecurity AS enabled, k.relforcerowsecurity AS forced
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      JOIN pg_class k ON k.oid = format('%I.%I', c.table_schema, c.table_name)::regclass
      WHERE c.table_schema = current_schema() AND c.column_name = 'organization_id'
        AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`.execute(h.db.kysely);
    expect(tables.length).toBeGreaterThan(15);
    for (const t of [...tables, { table_name: 'organizations' }]) {
      const table = sql.id(t.table_name);
      const count = (scope: string) =>
        withTenant(scope, async () => {
          const { rows } = await sql<{
            n: number;
          }>`SELECT count(*)::int AS n FROM ${table}`.execute(app());
          return rows[0]?.n;
        });
      const { rows: all } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${table}`.execute(h.db.kysely);
      expect({ table: t.table_name, unscoped: await count(''), system: await count('*') }).toEqual({
        table: t.table_name,
        unscoped: 0,
        system: all[0]?.n,
      });
    }
    for (const t of tables) expect(t, t.table_name).toMatchObject({ enabled: true, forced: true });
  });

  it('serves a signed-in request its own organization under the policies', async () => {
    const admin = await login(h.app, h.demo.logins[0]?.email ?? '');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/participants?limit=1000',
      headers: auth(admin),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(20);
  });

  // Over a socket, a body that arrives after the headers comes through the socket's stream events,
  // long after onRequest: the scope must hold after it is read, or the push would reach no rows.
  it('keeps the scope of a request whose body arrives after its headers', async () => {
    const base = new URL(await h.app.listen({ port: 0, host: '127.0.0.1' }));
    const usher = await login(h.app, 'usher1@demo.rollcall.test');
    const session = h.demo.sessions[0]?.id ?? '';
    const participantId = h.demo.participants[0]?.id ?? '';
    const body = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      changes: [change(usher, h.clock.now(), { sessionId: session, participantId })],
    });
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path: '/api/v1/sync/push',
          method: 'POST',
          headers: { ...auth(usher), 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      // The body follows once the server has run its onRequest hooks on the headers alone.
      setTimeout(() => req.end(body), 200);
    });
    expect(answer.status).toBe(200);
    const pushed = JSON.parse(answer.body) as PushResponse;
    expect(pushed.results.map((r) => r.status)).toEqual(['applied']);
    const stored = await h.db.kysely
      .selectFrom('presence_records')
      .select('organization_id')
      .where('participant_id', '=', participantId)
      .execute();
    expect(organizationsOf(stored)).toEqual(new Set([h.demo.organizationId]));
  });
});
