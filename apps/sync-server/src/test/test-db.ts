// Real databases for tests: a fresh SQLite file per context and, on PostgreSQL, a fresh database
// per context (created and dropped here). Under CI the PostgreSQL suite is required, not skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../env.ts';
import {
  migrateToLatest,
  openPostgres,
  openSqlite,
  type Db,
  type Dialect,
} from '../db/database.ts';

const config = loadConfig();

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: config.testDatabaseUrl,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export const hasPostgres = await postgresReachable();
if (!hasPostgres && config.isCi) {
  throw new Error(`PostgreSQL is required under CI but ${config.testDatabaseUrl} is not reachable`);
}
export const dialects: Dialect[] = hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  /** The tests' own view, from outside the app: on PostgreSQL the superuser, which RLS ignores. */
  db: Db;
  /**
   * What the app is given: on PostgreSQL connections as `rollcall_app` (the role a deployment runs
   * as), so the row-level security policies hold the app to its tenant scope in every test.
   */
  appDb: Db;
  drop(): Promise<void>;
}

export const APP_ROLE = 'rollcall_app';

export async function createTestDb(
  dialect: Dialect,
  opts: { poolSize?: number } = {},
): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rollcall-test-'));
    const db = openSqlite(join(dir, 'test.sqlite'));
    await migrateToLatest(db);
    return {
      db,
      appDb: db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `rollcall_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(config.testDatabaseUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 4 });
  await migrateToLatest(db);
  const appDb = openPostgres(url.toString(), { max: opts.poolSize ?? 10, appRole: APP_ROLE });
  return {
    db,
    appDb,
    drop: async () => {
      await appDb.close();
      await db.close();
      await dropWhenIdle(name);
    },
  };
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: config.testDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// pg's pool.end() resolves before every socket has closed; dropping with FORCE then kills them
// mid-goodbye (an unhandled 57P01). Waiting for the last connection to leave avoids that.
async function dropWhenIdle(name: string) {
  for (let i = 0; i < 50; i++) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006') throw e; // 55006: still being accessed
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
