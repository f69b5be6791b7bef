// better-sqlite3 compiles a statement on every `prepare`, and Kysely's SQLite driver prepares each
// query afresh: on the push path that was ~0.45 s of a 10,000-change drain (server profile,
// docs/benchmarks.md). The app's SQL texts are few (values are bound, bulk rows travel as one JSON
// parameter), so compiled statements are kept by their text, the least recently used dropped
// first. A kept statement is safe to reuse: Kysely runs one query at a time on the one connection
// (a streamed query holds it until the stream ends), and SQLite recompiles a statement by itself
// when a migration changes the schema under it.
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export interface CachingDatabase extends SqliteDatabase {
  /** How many statements were compiled (not taken from the cache), for tests. */
  readonly compiled: number;
}

export function cachingStatements(db: SqliteDatabase, capacity = 200): CachingDatabase {
  const kept = new Map<string, SqliteStatement>();
  let compiled = 0;
  return {
    get compiled() {
      return compiled;
    },
    close: () => {
      kept.clear();
      db.close();
    },
    prepare(sql) {
      const hit = kept.get(sql);
      if (hit) {
        // A Map iterates in insertion order: re-inserting marks the statement recently used.
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      compiled++;
      kept.set(sql, stmt);
      const oldest = kept.keys().next();
      if (kept.size > capacity && !oldest.done) kept.delete(oldest.value);
      return stmt;
    },
  };
}
