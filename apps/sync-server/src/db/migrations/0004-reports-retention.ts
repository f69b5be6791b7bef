// Frozen. Two things reports and retention need.
// 1. The retention command may delete old audit entries; nothing else may. 0002 refuses every
//    UPDATE, DELETE and TRUNCATE of audit_log; this keeps that, except a DELETE inside a transaction
//    that opened the gate: on PostgreSQL the transaction-local setting `rollcall.retention` = 'on'
//    (set_config(..., true) ends with the transaction); on SQLite the one-row table audit_guard,
//    which the retention transaction sets to 1 and back to 0 before it commits, so no other
//    connection ever sees it open. Anyone who can run SQL can still open the gate: the guard stops
//    mistakes and application bugs, not a database owner.
// 2. An index for report queries: the sessions of a group.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('rollcall.retention', true) = 'on' THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'audit log is append-only (% refused)', TG_OP;
      END $$`.execute(db);
  } else {
    await db.schema
      .createTable('audit_guard')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('purging', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('audit_guard').values({ id: 1, purging: 0 }).execute();
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      WHEN (SELECT purging FROM audit_guard WHERE id = 1) IS NOT 1
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only (DELETE refused)'); END`.execute(db);
  }
  await db.schema
    .createIndex('session_groups_group')
    .on('session_groups')
    .columns(['group_id', 'session_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('session_groups_group').execute();
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit log is append-only (% refused)', TG_OP; END $$`.execute(db);
    return;
  }
  await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only (DELETE refused)'); END`.execute(db);
  await db.schema.dropTable('audit_guard').execute();
}
