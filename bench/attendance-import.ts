// Importing a year of past attendance the way the PWA sends it: the whole file checked in one
// request (dryRun), then imported in parts of 1,000 rows, then the same file imported again (every
// row unchanged). 1,000 participants matched by external key, 52 weekly sessions created by the
// import from their name, date and time, ~80% of people present in each: ~41,600 rows. Through the
// HTTP routes (app.inject), on SQLite (a file) and PostgreSQL (a fresh database); median of 3
// runs, each on a fresh database.
//   pnpm --filter @rollcall/bench attendance-import   (--quick: one run)
import { uuidv7 } from '@rollcall/shared';
import { createHarness, login, type Harness } from '@rollcall/sync-server/testing';
import { hasPostgres } from '@rollcall/sync-server/test-db';
import { fmt, median } from './stats.ts';

const PEOPLE = 1_000;
const WEEKS = 52;
const PART = 1_000;
const RUNS = process.argv.includes('--quick') ? 1 : 3;
const FIRST = Date.UTC(2025, 10, 23); // Sundays up to the harness clock (2026-11-22)

function file() {
  const rows: Record<string, string>[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const date = new Date(FIRST + w * 7 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < PEOPLE; i++) {
      const x = ((i * 2654435761 + w * 40503) >>> 0) % 100;
      if (x >= 80) continue;
      rows.push({
        session_name: 'Sunday Service',
        session_date: date,
        session_time: '09:30',
        external_key: `K${i}`,
        state: x < 70 ? 'present' : 'late',
      });
    }
  }
  return rows;
}

async function seedPeople(h: Harness) {
  const at = new Date(FIRST).toISOString();
  const rows = Array.from({ length: PEOPLE }, (_, i) => ({
    id: uuidv7(),
    organization_id: h.demo.organizationId,
    first_name: `First${i}`,
    last_name: `Last${i}`,
    preferred_name: null,
    personal_code: `b${i}`,
    external_key: `K${i}`,
    qr_token: `bench-${i}`,
    guardian_name: null,
    guardian_phone: null,
    active: 1,
    extra: '{}',
    created_at: at,
    updated_at: at,
    seq: 0,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await h.db.kysely
      .insertInto('participants')
      .values(rows.slice(i, i + 500))
      .execute();
}

async function post(h: Harness, token: string, rows: object[], dryRun: boolean) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/imports/attendance',
    headers: { authorization: `Bearer ${token}` },
    payload: { rows, dryRun, timeZone: 'Europe/Berlin' },
  });
  if (res.statusCode !== 200)
    throw new Error(`import: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json<{
    created: number;
    unchanged: number;
    sessionsCreated: number;
    problems: unknown[];
  }>();
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await work();
  return [performance.now() - start, out];
}

async function inParts(h: Harness, token: string, rows: object[]) {
  let created = 0,
    unchanged = 0;
  for (let i = 0; i < rows.length; i += PART) {
    const r = await post(h, token, rows.slice(i, i + PART), false);
    created += r.created;
    unchanged += r.unchanged;
  }
  return { created, unchanged };
}

async function once(dialect: 'sqlite' | 'postgres', rows: object[]) {
  const h = await createHarness(dialect, { participants: 20 });
  try {
    await seedPeople(h);
    const { token } = await login(h.app, 'admin@demo.rollcall.test');
    const [check, dry] = await timed(() => post(h, token, rows, true));
    if (dry.problems.length || dry.sessionsCreated !== WEEKS || dry.created !== rows.length)
      throw new Error(`unexpected check ${JSON.stringify(dry).slice(0, 300)}`);
    const [first, done] = await timed(() => inParts(h, token, rows));
    const [again, redo] = await timed(() => inParts(h, token, rows));
    if (done.created !== rows.length || redo.unchanged !== rows.length)
      throw new Error('unexpected import counts');
    return { check, first, again };
  } finally {
    await h.close();
  }
}

const rows = file();
const dialects: ('sqlite' | 'postgres')[] = hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];
console.log(
  `attendance import: ${fmt(rows.length)} rows (${fmt(PEOPLE)} people, ${WEEKS} weekly sessions created by the import); median of ${RUNS} run(s), each on a fresh database\n`,
);
console.log(
  '| database | check, whole file ms | import in parts of 1,000 ms | rows/s | same file again ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const dialect of dialects) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await once(dialect, rows));
  const [check, first, again] = [
    median(runs.map((r) => r.check)),
    median(runs.map((r) => r.first)),
    median(runs.map((r) => r.again)),
  ];
  console.log(
    `| ${dialect} | ${fmt(check)} | ${fmt(first)} | ${fmt(rows.length / (first / 1000))} | ${fmt(again)} |`,
  );
}
