// Frozen. Row-level security that fails closed, now that the app gives every connection its
// organization (db/tenant-context.ts): on every table with an `organization_id` column a row is
// visible and writable only when `app.organization_id` equals its organization, or is '*' (system
// work that spans organizations: sign-in, refresh, jobs, seeding, the CLI, migrations). Unset or
// empty, nothing is visible and nothing can be written. `organizations` itself is scoped by `id`
// the same way, so one organization cannot read another's settings either.
// Tables created later must grant to rollcall_app themselves; default privileges cover tables the
// migrating user creates from here on. SQLite has neither roles nor policies: nothing to do there.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function scopedTables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.column_name = 'organization_id'
      AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

async function replacePolicy(db: Kysely<any>, table: string, column: string, failClosed: boolean) {
  const t = sql.id(table);
  const c = sql.id(column);
  const rule = failClosed
    ? sql`${c} = current_setting('app.organization_id', true)
          OR current_setting('app.organization_id', true) = '*'`
    : sql`NULLIF(current_setting('app.organization_id', true), '') IS NULL
          OR ${c} = current_setting('app.organization_id', true)`;
  await sql`DROP POLICY IF EXISTS organization_isolation ON ${t}`.execute(db);
  await sql`CREATE POLICY organization_isolation ON ${t} USING (${rule}) WITH CHECK (${rule})`.execute(
    db,
  );
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of await scopedTables(db)) {
    const t = sql.id(table);
    await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
    await replacePolicy(db, table, 'organization_id', true);
  }
  await sql`ALTER TABLE organizations ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE organizations FORCE ROW LEVEL SECURITY`.execute(db);
  await replacePolicy(db, 'organizations', 'id', true);
  await sql`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollcall_app') THEN
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO rollcall_app', current_schema());
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO rollcall_app', current_schema());
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO rollcall_app', current_schema());
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rollcall_app', current_schema());
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO rollcall_app', current_schema());
    END IF;
  END $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollcall_app') THEN
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM rollcall_app', current_schema());
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM rollcall_app', current_schema());
    END IF;
  END $$`.execute(db);
  await sql`DROP POLICY IF EXISTS organization_isolation ON organizations`.execute(db);
  await sql`ALTER TABLE organizations NO FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE organizations DISABLE ROW LEVEL SECURITY`.execute(db);
  for (const table of await scopedTables(db))
    await replacePolicy(db, table, 'organization_id', false);
}
