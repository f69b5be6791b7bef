// Frozen. PostgreSQL row-level security behind the `organization_id` filters, as a second line of
// defence, and `rollcall_app`, a role that does not own the tables, for the app to run as.
//
// What this enforces: in a transaction that ran
// `SELECT set_config('app.organization_id', <org id>, true)`, every table with an
// `organization_id` column shows, and accepts, only that organization's rows, for the owner too
// (FORCE). What it does not yet enforce: a transaction that never set it sees every organization,
// because the app does not set it on every query yet; that is the next step, after which the
// "unset" branch of the policy can go. SQLite has neither roles nor policies: nothing to do there.
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

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of await scopedTables(db)) {
    const t = sql.id(table);
    await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY organization_isolation ON ${t}
      USING (NULLIF(current_setting('app.organization_id', true), '') IS NULL
             OR organization_id = current_setting('app.organization_id', true))
      WITH CHECK (NULLIF(current_setting('app.organization_id', true), '') IS NULL
             OR organization_id = current_setting('app.organization_id', true))`.execute(db);
  }
  // Roles belong to the cluster, not the database: create it once, and only where the migrating
  // user may (a managed database's owner often may not; its operator creates the role then).
  await sql`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollcall_app')
       AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
      BEGIN
        CREATE ROLE rollcall_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database of this cluster, migrating at the same time, created it
      END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollcall_app') THEN
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO rollcall_app', current_schema());
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO rollcall_app', current_schema());
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO rollcall_app', current_schema());
    END IF;
  END $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollcall_app') THEN
      EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM rollcall_app', current_schema());
      EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM rollcall_app', current_schema());
      EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM rollcall_app', current_schema());
    END IF;
  END $$`.execute(db);
  for (const table of await scopedTables(db)) {
    const t = sql.id(table);
    await sql`DROP POLICY IF EXISTS organization_isolation ON ${t}`.execute(db);
    await sql`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`.execute(db);
  }
}
