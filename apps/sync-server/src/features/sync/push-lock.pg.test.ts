// The organization's counter row is the queue every push of one organization waits in on
// PostgreSQL. A push reads, decides and logs before it joins that queue, and a push whose records
// another push changed meanwhile is decided again, so the conflict rules still see every write.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../../test/test-db.ts';
import { change, createHarness, login, push, type Harness } from '../../test/harness.ts';

/** Holds the organization's counter row from outside, as a push in flight would. */
async function holdCounter(url: string, organizationId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT value FROM sync_counters WHERE organization_id = $1 FOR UPDATE', [
    organizationId,
  ]);
  return {
    client,
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/** Waits (bounded) until `n` backends of this database wait for a lock. */
async function waitersReach(client: pg.Client, n: number) {
  for (let i = 0; i < 500; i++) {
    // Inside the holding transaction the statistics views would show their first snapshot.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (Number(rows[0]?.n) >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${n} backend(s) never waited for a lock`);
}

describe.runIf(hasPostgres)('the counter lock on postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('postgres', { participants: 10, poolSize: 6 });
  });
  afterAll(() => h.close());

  it('is taken after the push has read its records and logged its changes', async () => {
    const device = await login(h.app, 'usher1@demo.rollcall.test');
    const [session, person] = [h.demo.sessions[0]!.id, h.demo.participants[0]!.id];
    const hold = await holdCounter(h.db.url!, h.demo.organizationId);
    const pushed = push(h.app, device, [
      change(device, h.clock.now(), { sessionId: session, participantId: person }),
    ]);
    await waitersReach(hold.client, 1);
    await hold.client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await hold.client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_locks l
         JOIN pg_class c ON c.oid = l.relation
         JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE a.wait_event_type = 'Lock' AND l.granted AND l.mode = 'RowExclusiveLock'`,
    );
    await hold.release();
    expect(rows.map((r) => r.relname)).toContain('changes');
    const res = await pushed;
    expect(res.results.map((r) => [r.status, r.version])).toEqual([['applied', 1]]);
  });

  it('decides again a push whose record another push wrote while it waited', async () => {
    const [a, b] = [
      await login(h.app, 'usher1@demo.rollcall.test'),
      await login(h.app, 'usher2@demo.rollcall.test'),
    ];
    const [session, person] = [h.demo.sessions[0]!.id, h.demo.participants[1]!.id];
    const hold = await holdCounter(h.db.url!, h.demo.organizationId);
    // Both plan against "no record yet"; the first to get the counter writes it.
    const first = push(h.app, a, [
      change(a, h.clock.now(), { sessionId: session, participantId: person, state: 'present' }),
    ]);
    await waitersReach(hold.client, 1);
    const second = push(h.app, b, [
      change(b, h.clock.now(), { sessionId: session, participantId: person, state: 'absent' }),
    ]);
    await waitersReach(hold.client, 2);
    await hold.release();
    const [ra, rb] = [await first, await second];
    expect(ra.results.map((r) => [r.status, r.version])).toEqual([['applied', 1]]);
    expect(rb.results.map((r) => [r.status, r.version])).toEqual([['conflict', 2]]);
    const db = h.db.kysely;
    const record = await db
      .selectFrom('presence_records')
      .select(['version', 'has_conflict', 'seq'])
      .where('session_id', '=', session)
      .where('participant_id', '=', person)
      .executeTakeFirstOrThrow();
    expect({ version: record.version, hasConflict: record.has_conflict }).toEqual({
      version: 2,
      hasConflict: 1,
    });
    const counter = await db
      .selectFrom('sync_counters')
      .select('value')
      .where('organization_id', '=', h.demo.organizationId)
      .executeTakeFirstOrThrow();
    expect(Number(record.seq)).toBe(Number(counter.value)); // the last seq given out, given once
    const stored = await db
      .selectFrom('changes')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('session_id', '=', session)
      .where('participant_id', '=', person)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(2);
  });
});
