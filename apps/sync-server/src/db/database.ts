// Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise a SQLite file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import * as m0001 from './migrations/0001-init.ts';
import * as m0002 from './migrations/0002-audit-guard.ts';
import * as m0003 from './migrations/0003-excuses.ts';
import * as m0004 from './migrations/0004-reports-retention.ts';
import * as m0005 from './migrations/0005-notifications.ts';
import * as m0006 from './migrations/0006-device-seq-index.ts';
import * as m0007 from './migrations/0007-assignment-late-count.ts';
import * as m0008 from './migrations/0008-record-tombstones.ts';
import * as m0009 from './migrations/0009-login-throttle.ts';
import * as m0010 from './migrations/0010-refresh-rotation.ts';
import * as m0011 from './migrations/0011-row-level-security.ts';
import * as m0013 from './migrations/0013-departures.ts';
import * as m0016 from './migrations/0016-account-security.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Connection string, for LISTEN/NOTIFY on PostgreSQL. */
  url: string | null;
  close(): Promise<void>;
}

// Static imports (not a folder scan) so the bundled server carries its migrations.
const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-audit-guard': m0002,
  '0003-excuses': m0003,
  '0004-reports-retention': m0004,
  '0005-notifications': m0005,
  '0006-device-seq-index': m0006,
  '0007-assignment-late-count': m0007,
  '0008-record-tombstones': m0008,
  '0009-login-throttle': m0009,
  '0010-refresh-rotation': m0010,
  '0011-row-level-security': m0011,
  '0013-departures': m0013,
  '0016-account-security': m0016,
};

// PostgreSQL returns COUNT(*) and BIGINT as strings; ours are small enough for numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', url: null, close: () => kysely.destroy() };
}

export function openPostgres(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', url, close: () => kysely.destroy() };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
