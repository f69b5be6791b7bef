// Two server processes share one PostgreSQL: a change committed through one reaches devices
// streaming from the other (LISTEN/NOTIFY). Two notifiers stand in for the two processes.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../env.ts';
import { createTestDb, hasPostgres } from '../../test/test-db.ts';
import { postgresNotifier, type ChangeNotice } from './notifier.ts';

const until = async (done: () => boolean, tick: () => Promise<unknown> = async () => {}) => {
  for (let i = 0; i < 150 && !done(); i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 40));
  }
};

/** Ends the backends of one database whose last query matches, as a restart or an admin would. */
async function terminate(database: string, queryLike: string) {
  const admin = new pg.Client({ connectionString: loadConfig().testDatabaseUrl });
  await admin.connect();
  try {
    const r = await admin.query(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE datname = $1 AND query ILIKE $2 AND pid <> pg_backend_pid()`,
      [database, queryLike],
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

const listening = async (database: string) => {
  const admin = new pg.Client({ connectionString: loadConfig().testDatabaseUrl });
  await admin.connect();
  try {
    const r = await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`,
      [database],
    );
    return (r.rows[0] as { n: number }).n;
  } finally {
    await admin.end();
  }
};

describe.runIf(hasPostgres)('postgres notifier', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  const twoProcesses = async () => {
    const { db, drop } = await createTestDb('postgres');
    closers.push(drop);
    const errors: unknown[] = [];
    const fast = { minDelayMs: 20, maxDelayMs: 200 };
    const a = await postgresNotifier(db.url!, (e) => errors.push(e), fast);
    const b = await postgresNotifier(db.url!, (e) => errors.push(e), fast);
    closers.push(a.close, b.close);
    return { a, b, errors, database: new URL(db.url!).pathname.slice(1) };
  };

  it('delivers a notice published by one process to subscribers of another, per organization', async () => {
    const { a, b } = await twoProcesses();
    const got: ChangeNotice[] = [];
    b.subscribe('org-1', (n) => got.push(n));
    b.subscribe('org-2', () => {
      throw new Error('wrong organization');
    });
    await a.publish({ organizationId: 'org-1', seq: 7, sessionIds: ['s1'] });
    await until(() => got.length > 0);
    expect(got).toEqual([{ organizationId: 'org-1', seq: 7, sessionIds: ['s1'] }]);
  });

  it('listens again after its connection is terminated, and tells subscribers to pull what the gap missed', async () => {
    const { a, b, errors, database } = await twoProcesses();
    const got: ChangeNotice[] = [];
    b.subscribe('org-1', (n) => got.push(n));
    expect(await terminate(database, 'LISTEN%')).toBe(2); // both processes' listeners
    // Commits made while the listener was away are not replayed by PostgreSQL: once it listens
    // again, every organization with subscribers hears "something changed" (no session list).
    await until(() => got.length > 0);
    expect(got).toEqual([{ organizationId: 'org-1', seq: 0, sessionIds: [] }]);
    // And a later commit from the other process is heard.
    await a.publish({ organizationId: 'org-1', seq: 8, sessionIds: ['s2'] });
    await until(() => got.length > 1);
    expect(got[1]).toEqual({ organizationId: 'org-1', seq: 8, sessionIds: ['s2'] });
    expect(errors.length).toBeGreaterThan(0); // the drop was reported, not swallowed
  });

  it('survives its publishing connection being terminated too', async () => {
    const { a, b, database } = await twoProcesses();
    await a.publish({ organizationId: 'org-1', seq: 1, sessionIds: [] }); // opens a pooled sender
    expect(await terminate(database, '%pg_notify%')).toBeGreaterThan(0);
    const got: ChangeNotice[] = [];
    b.subscribe('org-1', (n) => got.push(n));
    await until(
      () => got.length > 0,
      () => a.publish({ organizationId: 'org-1', seq: 2, sessionIds: [] }).catch(() => {}),
    );
    expect(got[0]).toMatchObject({ seq: 2 });
  });

  it('stops reconnecting once closed, also while it waits to retry', async () => {
    const { a, b, database } = await twoProcesses();
    await a.close();
    expect(await terminate(database, 'LISTEN%')).toBe(1);
    await b.close();
    await new Promise((r) => setTimeout(r, 300)); // several backoff periods
    expect(await listening(database)).toBe(0);
  });
});
