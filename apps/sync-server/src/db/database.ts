// Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise a SQLite file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Migration,
  type PostgresPool,
} from 'kysely';
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
import * as m0012 from './migrations/0012-fail-closed-rls.ts';
import * as m0013 from './migrations/0013-departures.ts';
import * as m0016 from './migrations/0016-account-security.ts';
import * as m0017 from './migrations/0017-user-language.ts';
import type { Database } from './schema.ts';
import { asSystem, currentTenant } from './tenant-context.ts';
import { cachingStatements } from './statement-cache.ts';

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
  '0012-fail-closed-rls': m0012,
  '0013-departures': m0013,
  '0016-account-security': m0016,
  '0017-user-language': m0017,
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
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  });
  return { kysely, dialect: 'sqlite', url: null, close: () => kysely.destroy() };
}

export interface PostgresOptions {
  /** Pool size. */
  max?: number;
  /**
   * A role without ownership of the tables (`rollcall_app`) that every connection takes on
   * (`SET ROLE`), so that row-level security applies to the app even when the URL's user owns the
   * tables or is a superuser. Null: the URL's user as it is (connect as `rollcall_app` then).
   */
  appRole?: string | null;
}

export function openPostgres(url: string, opts: PostgresOptions = {}): Db {
  const pool = tenantPool(
    new pg.Pool({ connectionString: url, max: opts.max ?? 10 }),
    opts.appRole,
  );
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', url, close: () => kysely.destroy() };
}

// Kysely checks a connection out for every query or transaction, in the caller's async context:
// that is where the connection is given the caller's organization (tenant-context.ts), unless it
// already carries exactly that value. Checking on every checkout (rather than resetting on
// release) is what keeps a pooled connection from carrying one organization's value into another's
// work, and costs a round trip only when the value changes. It is a session setting made outside
// any transaction, so a rollback cannot undo it behind the cache's back.
function tenantPool(pool: pg.Pool, appRole: string | null = null): PostgresPool {
  const carried = new WeakMap<pg.PoolClient, string>();
  return {
    connect: async () => {
      const client = await pool.connect();
      const wanted = currentTenant();
      const had = carried.get(client);
      if (had === wanted) return client;
      try {
        if (had === undefined && appRole)
          await client.query(`SET ROLE ${client.escapeIdentifier(appRole)}`);
        await client.query("SELECT set_config('app.organization_id', $1, false)", [wanted]);
      } catch (e) {
        client.release(e instanceof Error ? e : true); // a connection in an unknown state is dropped
        throw e;
      }
      carried.set(client, wanted);
      return client;
    },
    end: () => pool.end(),
  };
}

/**
 * Migrates as system work and, on PostgreSQL, over a connection of the URL's own user (the tables'
 * owner), never as the app role: the app role may neither create nor alter tables.
 */
export async function migrateToLatest(db: Db): Promise<void> {
  if (db.dialect === 'postgres' && db.url) {
    const owner = openPostgres(db.url, { max: 1 });
    try {
      return await asSystem(() => migrate(owner.kysely));
    } finally {
      await owner.close();
    }
  }
  return asSystem(() => migrate(db.kysely));
}

async function migrate(kysely: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db: kysely,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
