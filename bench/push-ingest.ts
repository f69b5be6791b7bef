// Push ingest: N changes from D devices through the real push path (validation, exactly-once
// lookup, conflict rules, set-based writes, history, audit) versus the raw batched upsert of the
// same rows, on SQLite and PostgreSQL, in one run.
//   pnpm --filter @rollcall/bench push-ingest [--quick]
import { formatHlc, hlcTick, type Hlc } from '@rollcall/conflict';
import { PROTOCOL_VERSION, uuidv7, type Change } from '@rollcall/shared';
import { createHarness, login, type Harness } from '@rollcall/sync-server/testing';
import { hasPostgres } from '@rollcall/sync-server/test-db';
import { writeRawRows } from './raw-rows.ts';
import { fmt, median } from './stats.ts';

const quick = process.argv.includes('--quick');
const SCENARIOS: [number, number][] = quick
  ? [
      [10_000, 1],
      [10_000, 50],
    ]
  : [
      [10_000, 1],
      [10_000, 50],
      [100_000, 1],
      [100_000, 50],
    ];
const REPS = quick ? 1 : 3;
const BATCH = 1000;

async function setup(dialect: 'sqlite' | 'postgres', total: number) {
  const participants = Math.min(1000, total);
  const h = await createHarness(dialect, { participants, poolSize: 10 });
  const sessions = Math.ceil(total / participants);
  const rows = Array.from({ length: sessions }, (_, i) => ({
    id: uuidv7(),
    organization_id: h.demo.organizationId,
    name: `Bench ${i}`,
    location: null,
    scheduled_start: '2026-11-22T09:00:00.000Z',
    scheduled_end: '2026-11-22T11:00:00.000Z',
    actual_start: null,
    actual_end: null,
    status: 'active',
    late_after_minutes: null,
    updated_at: '2026-11-22T09:00:00.000Z',
    seq: 0,
  }));
  for (let i = 0; i < rows.length; i += 100)
    await h.db.kysely
      .insertInto('sessions')
      .values(rows.slice(i, i + 100))
      .execute();
  const keys = rows
    .flatMap((s) => h.demo.participants.map((p) => [s.id, p.id] as const))
    .slice(0, total);
  return { h, keys };
}

function changesFor(
  keys: (readonly [string, string])[],
  device: number,
  devices: number,
): Change[] {
  let hlc: Hlc | null = null;
  let seq = 0;
  const mine = keys.filter((_, i) => i % devices === device);
  return mine.map(([sessionId, participantId]) => {
    hlc = hlcTick(hlc, Date.now(), `d${device}`);
    return {
      changeId: uuidv7(),
      deviceSeq: ++seq,
      kind: 'presence.set',
      sessionId,
      participantId,
      state: 'present',
      method: 'qr',
      recordedAt: new Date().toISOString(),
      hlc: formatHlc(hlc),
      baseVersion: 0,
    };
  });
}

async function ingest(h: Harness, keys: (readonly [string, string])[], devices: number) {
  const logins = [];
  for (let d = 0; d < devices; d++)
    logins.push(
      await login(h.app, d % 2 ? 'usher1@demo.rollcall.test' : 'usher2@demo.rollcall.test'),
    );
  const work = logins.map((dev, d) => ({ dev, changes: changesFor(keys, d, devices) }));
  const start = performance.now();
  await Promise.all(
    work.map(async ({ dev, changes }) => {
      for (let i = 0; i < changes.length; i += BATCH) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/v1/sync/push',
          headers: { authorization: `Bearer ${dev.token}` },
          payload: { protocolVersion: PROTOCOL_VERSION, changes: changes.slice(i, i + BATCH) },
        });
        const body = res.json();
        if (
          res.statusCode !== 200 ||
          body.results.some((r: { status: string }) => r.status !== 'applied')
        )
          throw new Error(`push failed: ${res.body.slice(0, 300)}`);
      }
    }),
  );
  return performance.now() - start;
}

/** The floor: the same change rows and record rows written with one multi-row statement per table per batch. */
async function rawUpsert(h: Harness, keys: (readonly [string, string])[]) {
  const org = h.demo.organizationId;
  const deviceId = uuidv7();
  const now = new Date().toISOString();
  const changes = changesFor(keys, 0, 1);
  const start = performance.now();
  for (let i = 0; i < changes.length; i += BATCH) {
    const part = changes.slice(i, i + BATCH);
    await h.db.kysely.transaction().execute((trx) => writeRawRows(trx, org, deviceId, now, part));
  }
  return performance.now() - start;
}

async function measure(dialect: 'sqlite' | 'postgres', total: number, devices: number) {
  const ingestMs: number[] = [];
  const rawMs: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const a = await setup(dialect, total);
    ingestMs.push(await ingest(a.h, a.keys, devices));
    await a.h.close();
    const b = await setup(dialect, total);
    rawMs.push(await rawUpsert(b.h, b.keys));
    await b.h.close();
  }
  const ingestRate = total / (median(ingestMs) / 1000);
  const rawRate = total / (median(rawMs) / 1000);
  return {
    dialect,
    total,
    devices,
    ingestMs: median(ingestMs),
    rawMs: median(rawMs),
    ingestRate,
    rawRate,
    ratio: ingestRate / rawRate,
  };
}

const dialects: ('sqlite' | 'postgres')[] = hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];
console.log(`push ingest, median of ${REPS} run(s), batches of ${BATCH}\n`);
console.log(
  '| database | changes | devices | ingest ms | ingest changes/s | raw upsert ms | raw rows/s | ingest / raw |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const dialect of dialects) {
  for (const [total, devices] of SCENARIOS) {
    const m = await measure(dialect, total, devices);
    console.log(
      `| ${m.dialect} | ${fmt(m.total)} | ${m.devices} | ${fmt(m.ingestMs)} | ${fmt(m.ingestRate)} | ${fmt(m.rawMs)} | ${fmt(m.rawRate)} | ${fmt(m.ratio, 2)} |`,
    );
  }
}
