// Server ingest over real HTTP (the app listening on loopback, fetch from this process) against
// the raw batched upsert of the same kind of rows, interleaved A/B in one run, on an organization
// that already holds 0, 100,000 and 1,000,000 presence records, with 1, 10 and 50 devices pushing
// batches of 200, on SQLite and PostgreSQL.
//   pnpm --filter @rollcall/bench http-ingest [--quick] [--sizes=0,100000] [--changes=10000]
import { formatHlc, hlcTick, type Hlc } from '@rollcall/conflict';
import { uuidv7, type Change } from '@rollcall/shared';
import { createHarness, login, type Harness } from '@rollcall/sync-server/testing';
import { hasPostgres } from '@rollcall/sync-server/test-db';
import { writeRawRows, writeRecords } from './raw-rows.ts';
import { pushAll } from './http-push.ts';
import { fmt, median } from './stats.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = process.argv.includes('--quick');
const SIZES = (arg('sizes') ?? (quick ? '0,100000' : '0,100000,1000000')).split(',').map(Number);
const DEVICES = (arg('devices') ?? '1,10,50').split(',').map(Number);
const CHANGES = Number(arg('changes') ?? 10_000);
const REPS = quick ? 1 : 3;
const BATCH = 200;
const PEOPLE = 1000;

type Key = readonly [string, string];

/** Hands out (session, participant) keys never used before, adding sessions as needed. */
function keySource(h: Harness) {
  const people = h.demo.participants.map((p) => p.id);
  let session = '';
  let next = PEOPLE;
  return async (n: number): Promise<Key[]> => {
    const out: Key[] = [];
    while (out.length < n) {
      if (next === people.length) {
        session = uuidv7();
        await h.db.kysely
          .insertInto('sessions')
          .values({
            id: session,
            organization_id: h.demo.organizationId,
            name: `Bench ${session}`,
            location: null,
            scheduled_start: '2026-11-22T09:00:00.000Z',
            scheduled_end: '2026-11-22T11:00:00.000Z',
            actual_start: null,
            actual_end: null,
            status: 'active',
            late_after_minutes: null,
            updated_at: '2026-11-22T09:00:00.000Z',
            seq: 0,
          })
          .execute();
        next = 0;
      }
      out.push([session, people[next++]!]);
    }
    return out;
  };
}

const deviceSeqs = new Map<string, number>();
let hlc: Hlc | null = null;

function changeFor(deviceId: string, [sessionId, participantId]: Key): Change {
  const seq = (deviceSeqs.get(deviceId) ?? 0) + 1;
  deviceSeqs.set(deviceId, seq);
  hlc = hlcTick(hlc, Date.now(), 'bench');
  return {
    changeId: uuidv7(),
    deviceSeq: seq,
    kind: 'presence.set',
    sessionId,
    participantId,
    state: 'present',
    method: 'qr',
    recordedAt: new Date().toISOString(),
    hlc: formatHlc(hlc),
    baseVersion: 0,
  };
}

/** The raw rows of `keys`: a change log row and a record per key, one statement per table per batch. */
async function rawUpsert(h: Harness, keys: Key[]) {
  const org = h.demo.organizationId;
  const deviceId = uuidv7();
  const now = new Date().toISOString();
  const changes = keys.map((k) => changeFor(deviceId, k));
  const start = performance.now();
  for (let i = 0; i < changes.length; i += BATCH) {
    const part = changes.slice(i, i + BATCH);
    await h.db.kysely.transaction().execute((trx) => writeRawRows(trx, org, deviceId, now, part));
  }
  return performance.now() - start;
}

/** Grows the organization to `size` records with batched inserts of 1,000 (no change log). */
async function seedTo(h: Harness, keys: (n: number) => Promise<Key[]>, held: number, size: number) {
  const deviceId = uuidv7();
  const now = new Date().toISOString();
  for (let have = held; have < size; have += 1000) {
    const part = (await keys(Math.min(1000, size - have))).map((k) => changeFor(deviceId, k));
    await h.db.kysely
      .transaction()
      .execute((trx) => writeRecords(trx, h.demo.organizationId, deviceId, now, part));
  }
}

async function ingestHttp(
  base: string,
  devices: { token: string; deviceId: string }[],
  keys: Key[],
) {
  const work = devices.map((d, i) => ({
    d,
    changes: keys.filter((_, j) => j % devices.length === i).map((k) => changeFor(d.deviceId, k)),
  }));
  const start = performance.now();
  await Promise.all(
    work.map(async ({ d, changes }) => {
      await pushAll(base, d.token, changes, BATCH);
    }),
  );
  return performance.now() - start;
}

async function run(dialect: 'sqlite' | 'postgres') {
  const h = await createHarness(dialect, { participants: PEOPLE, poolSize: 10 });
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  const base = `http://127.0.0.1:${address.port}`;
  const keys = keySource(h);
  const maxDevices = Math.max(...DEVICES);
  const logins: Awaited<ReturnType<typeof login>>[] = [];
  for (let d = 0; d < maxDevices; d++)
    logins.push(
      await login(h.app, d % 2 ? 'usher1@demo.rollcall.test' : 'usher2@demo.rollcall.test'),
    );
  let held = 0;
  for (const size of SIZES) {
    const seedStart = performance.now();
    await seedTo(h, keys, held, size);
    const seedMs = performance.now() - seedStart;
    held = Math.max(held, size);
    for (const devices of DEVICES) {
      const ingestMs: number[] = [];
      const rawMs: number[] = [];
      for (let r = 0; r < REPS; r++) {
        // Interleaved, the order alternating, so drift on a shared machine hits both sides.
        const a = async () =>
          ingestMs.push(await ingestHttp(base, logins.slice(0, devices), await keys(CHANGES)));
        const b = async () => rawMs.push(await rawUpsert(h, await keys(CHANGES)));
        if (r % 2 === 0) {
          await a();
          await b();
        } else {
          await b();
          await a();
        }
        held += 2 * CHANGES;
      }
      const [i, w] = [median(ingestMs), median(rawMs)];
      console.log(
        `| ${dialect} | ${fmt(size)} | ${devices} | ${fmt(i)} | ${fmt(CHANGES / (i / 1000))} | ${fmt(w)} | ${fmt(CHANGES / (w / 1000))} | ${fmt(w / i, 2)} | ${fmt(seedMs)} |`,
      );
    }
  }
  await h.close();
}

console.log(
  `http ingest of ${fmt(CHANGES)} changes in batches of ${BATCH}, median of ${REPS} interleaved run(s)\n`,
);
console.log(
  '| database | records held | devices | ingest ms | ingest changes/s | raw upsert ms | raw rows/s | ingest / raw | seed ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const dialect of hasPostgres ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const))
  await run(dialect);
