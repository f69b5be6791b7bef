import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrateToLatest, openSqlite } from './database.ts';
import { cachingStatements } from './statement-cache.ts';

// A table of the tests' own, outside the app's schema.
interface Tables {
  t: { a: number; b?: string };
}

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-stmt-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('compiled statements on SQLite', () => {
  it('the app compiles a query it runs again once, not every time', async () => {
    const db = openSqlite(tempFile());
    await migrateToLatest(db);
    const prepare = vi.spyOn(SQLite.prototype, 'prepare');
    for (let i = 0; i < 50; i++) {
      await db.kysely
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', `org-${i}`)
        .execute();
    }
    expect(prepare.mock.calls.length).toBeLessThanOrEqual(1);
    await db.close();
  });

  it('a kept statement sees a column added after it was compiled', async () => {
    const raw = new SQLite(tempFile());
    const cached = cachingStatements(raw);
    const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cached }) });
    await sql`create table t (a integer)`.execute(kysely);
    await sql`insert into t (a) values (1)`.execute(kysely);
    const read = () => sql<Record<string, unknown>>`select * from t`.execute(kysely);
    expect((await read()).rows).toEqual([{ a: 1 }]);
    await sql`alter table t add column b text default 'x'`.execute(kysely);
    expect((await read()).rows).toEqual([{ a: 1, b: 'x' }]);
    await kysely.destroy();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const raw = new SQLite(':memory:');
    const cached = cachingStatements(raw, 2);
    cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1'); // used again: now the most recent
    cached.prepare('select 3'); // drops "select 2"
    expect(cached.compiled).toBe(3);
    cached.prepare('select 1');
    expect(cached.compiled).toBe(3);
    cached.prepare('select 2');
    expect(cached.compiled).toBe(4);
    cached.close();
  });

  it('a streamed query can run again once its stream is done', async () => {
    const raw = new SQLite(':memory:');
    const kysely = new Kysely<Tables>({
      dialect: new SqliteDialect({ database: cachingStatements(raw) }),
    });
    await sql`create table t (a integer)`.execute(kysely);
    await sql`insert into t (a) values (1), (2), (3)`.execute(kysely);
    const query = kysely.selectFrom('t').select('a').orderBy('a');
    for (let round = 0; round < 2; round++) {
      const seen: number[] = [];
      for await (const row of query.stream()) {
        seen.push(row.a);
        if (round === 0 && seen.length === 2) break; // a stream left early frees its statement
      }
      expect(seen).toEqual(round === 0 ? [1, 2] : [1, 2, 3]);
    }
    await kysely.destroy();
  });
});
