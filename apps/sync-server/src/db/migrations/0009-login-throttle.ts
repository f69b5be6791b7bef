// Frozen. Login failures are counted per email in their own table, for real and unknown accounts
// alike, so the lockout cannot tell which emails exist; the count is incremented in SQL so parallel
// guesses cannot all read the same value. Also closes SQLite's REPLACE path around the audit
// guard: a REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is off).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  if (isPostgres(db)) return;
  await sql`CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
    WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only (REPLACE refused)'); END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`DROP TRIGGER audit_log_no_replace`.execute(db);
  await db.schema.dropTable('login_throttle').execute();
}
