// Report queries at a year's scale: one group of 5,000 participants, 52 weekly sessions, a record
// for ~80% of them per session (~208,000 records), on SQLite (a file in a temp dir) and PostgreSQL
// (a fresh database, created and dropped here). Times the attendance report over the whole year
// (counts, rates, the first page of rows) and the weekly trends, end to end through the HTTP
// routes, median of 5 runs after one warm-up. Each request sends `Cache-Control: no-cache`, so
// the 30-second report cache never answers. PostgreSQL is timed twice: straight after the bulk
// load (no statistics yet, as before autovacuum's first ANALYZE) and after ANALYZE. SQLite is
// never analyzed (the server does not run ANALYZE on it).
//   pnpm --filter @rollcall/bench report
import { uuidv7 } from '@rollcall/shared';
import { sql } from 'kysely';
import { createHarness, login, type Harness } from '@rollcall/sync-server/testing';
import { hasPostgres } from '@rollcall/sync-server/test-db';
import { fmt, median } from './stats.ts';

const PEOPLE = 5_000;
const WEEKS = 52;
const RUNS = 5;
const WEEK = 7 * 86_400_000;
const FIRST = Date.parse('2025-11-23T10:00:00.000Z'); // the harness clock is 2026-11-22T09:30Z: the last session is a week before

/** Deterministic: whether participant i has a record in week w, and in which state. */
function stateOf(i: number, w: number): string | null {
  const x = ((i * 2654435761 + w * 40503) >>> 0) % 100;
  if (x >= 80) return null;
  return x < 66 ? 'present' : x < 72 ? 'late' : x < 78 ? 'absent' : 'excused';
}

async function seed(h: Harness) {
  const db = h.db.kysely;
  const org = h.demo.organizationId;
  const at = new Date(FIRST).toISOString();
  const groupId = uuidv7();
  await db
    .insertInto('groups')
    .values({
      id: groupId,
      organization_id: org,
      name: 'Bench',
      parent_id: null,
      active: 1,
      updated_at: at,
      seq: 0,
    })
    .execute();
  const people = Array.from({ length: PEOPLE }, () => uuidv7());
  for (let i = 0; i < PEOPLE; i += 1000) {
    await db
      .insertInto('participants')
      .values(
        people.slice(i, i + 1000).map((id, j) => ({
          id,
          organization_id: org,
          first_name: `First${(i + j) % 101}`,
          last_name: `Last${String(i + j).padStart(5, '0')}`,
          preferred_name: null,
          personal_code: `b${i + j}`,
          external_key: null,
          qr_token: `bench-${i + j}`,
          guardian_name: null,
          guardian_phone: null,
          active: 1,
          extra: '{}',
          created_at: at,
          updated_at: at,
          seq: 0,
        })),
      )
      .execute();
    await db
      .insertInto('group_memberships')
      .values(
        people
          .slice(i, i + 1000)
          .map((id) => ({ organization_id: org, group_id: groupId, participant_id: id })),
      )
      .execute();
  }
  let records = 0;
  for (let w = 0; w < WEEKS; w++) {
    const sessionId = uuidv7();
    const start = new Date(FIRST + w * WEEK).toISOString();
    await db
      .insertInto('sessions')
      .values({
        id: sessionId,
        organization_id: org,
        name: `Week ${w + 1}`,
        location: null,
        scheduled_start: start,
        scheduled_end: start,
        actual_start: start,
        actual_end: null,
        status: 'completed',
        late_after_minutes: null,
        updated_at: start,
        seq: 0,
      })
      .execute();
    await db
      .insertInto('session_groups')
      .values({ organization_id: org, session_id: sessionId, group_id: groupId })
      .execute();
    const rows = people.flatMap((participantId, i) => {
      const state = stateOf(i, w);
      return state
        ? [
            {
              id: uuidv7(),
              organization_id: org,
              session_id: sessionId,
              participant_id: participantId,
              state,
              method: 'qr',
              recorded_at: start,
              recorded_by: h.demo.users.usher1!,
              device_id: h.demo.users.usher1!,
              change_id: uuidv7(),
              version: 1,
              has_conflict: 0,
              conflict_id: null,
              key_state: '{}',
              created_at: start,
              updated_at: start,
              seq: 0,
            },
          ]
        : [];
    });
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('presence_records')
        .values(rows.slice(i, i + 1000))
        .execute();
    records += rows.length;
  }
  return { groupId, records };
}

async function time(
  h: Harness,
  token: string,
  url: string,
  check: (body: { [k: string]: unknown }) => void,
) {
  const runs: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const start = performance.now();
    const res = await h.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, 'cache-control': 'no-cache' },
    });
    const ms = performance.now() - start;
    if (res.statusCode !== 200)
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    check(res.json());
    if (r > 0) runs.push(ms); // run 0 warms up
  }
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
}

async function reports(h: Harness, token: string, range: string) {
  const attendance = await time(h, token, `/api/v1/reports/attendance?${range}`, (b) => {
    const totals = b.totals as { sessions: number; expected: number };
    if (
      totals.sessions !== WEEKS ||
      totals.expected !== PEOPLE * WEEKS ||
      (b.rows as unknown[]).length !== 200
    )
      throw new Error(`unexpected attendance report ${JSON.stringify(totals)}`);
  });
  const trends = await time(h, token, `/api/v1/reports/trends?${range}`, (b) => {
    const weeks = b.weeks as { sessions: number; firstTime: number }[];
    if (
      weeks.reduce((n, w) => n + w.sessions, 0) !== WEEKS ||
      weeks.reduce((n, w) => n + w.firstTime, 0) !== PEOPLE
    )
      throw new Error('unexpected trends report');
  });
  return { attendance, trends };
}

async function measure(dialect: 'sqlite' | 'postgres') {
  const h = await createHarness(dialect, { participants: 20 });
  try {
    const seedStart = performance.now();
    const { groupId, records } = await seed(h);
    const seedMs = performance.now() - seedStart;
    const { token } = await login(h.app, 'manager@demo.rollcall.test');
    const run = () => reports(h, token, `groupId=${groupId}&from=2025-11-22&to=2026-11-22`);
    const rows = [
      {
        label: dialect === 'postgres' ? 'postgres, fresh load' : dialect,
        records,
        seedMs,
        ...(await run()),
      },
    ];
    if (dialect === 'postgres') {
      await sql`ANALYZE`.execute(h.db.kysely);
      rows.push({ label: 'postgres, after ANALYZE', records, seedMs, ...(await run()) });
    }
    return rows;
  } finally {
    await h.close();
  }
}

const dialects: ('sqlite' | 'postgres')[] = hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];
console.log(
  `reports over a year: ${fmt(PEOPLE)} participants in one group, ${WEEKS} weekly sessions; median of ${RUNS} runs after a warm-up (min–max)\n`,
);
console.log('| database | records | attendance report ms | trends report ms | seeding s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const cell = (t: { median: number; min: number; max: number }) =>
  `${fmt(t.median)} (${fmt(t.min)}–${fmt(t.max)})`;
for (const dialect of dialects) {
  for (const m of await measure(dialect))
    console.log(
      `| ${m.label} | ${fmt(m.records)} | ${cell(m.attendance)} | ${cell(m.trends)} | ${fmt(m.seedMs / 1000, 1)} |`,
    );
}
