// Server processes side by side on one PostgreSQL database: 1, 2 and 4 real server processes
// (each its own Node process on a loopback port), 20 devices pushing 10,000 changes in batches of
// 200 spread over the processes, all in one organization or spread over four. Interleaved: each
// repetition runs every process count, the order rotating.
//   pnpm --filter @rollcall/bench multi-process [--changes=10000] [--reps=3]
import { formatHlc, hlcTick, type Hlc } from '@rollcall/conflict';
import { uuidv7, type Change } from '@rollcall/shared';
import { freePort, startServer, type ServerProcess } from '@rollcall/sync-server/server-process';
import { hasPostgres } from '@rollcall/sync-server/test-db';
import { createHarness, seedDemo } from '@rollcall/sync-server/testing';
import { pushAll } from './http-push.ts';
import { fmt, median } from './stats.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const CHANGES = Number(arg('changes') ?? 10_000);
const REPS = Number(arg('reps') ?? 3);
const PROCESSES = [1, 2, 4];
const DEVICES = 20;
const BATCH = 200;
const PEOPLE = 500;

if (!hasPostgres) throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432');
const h = await createHarness('postgres', { participants: PEOPLE, poolSize: 4 });
const db = h.db;
const orgs = [h.demo];
for (let i = 1; i < 4; i++)
  orgs.push(await seedDemo(db.kysely, h.clock, { participants: PEOPLE, slug: `bench${i}` }));

/** Fresh (session, participant) keys of one organization: a new session per PEOPLE keys. */
async function freshKeys(org: (typeof orgs)[number], n: number) {
  const out: [string, string][] = [];
  while (out.length < n) {
    const id = uuidv7();
    await db.kysely
      .insertInto('sessions')
      .values({
        id,
        organization_id: org.organizationId,
        name: `Bench ${id}`,
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
    for (const p of org.participants) out.push([id, p.id]);
  }
  return out.slice(0, n);
}

interface Dev {
  token: string;
  deviceId: string;
  org: number;
  seq: number;
  hlc: Hlc | null;
}

async function loginAt(base: string, email: string, org: number): Promise<Dev> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'rollcall-demo', deviceName: 'bench' }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { credentials: { accessToken: string }; deviceId: string };
  return { token: body.credentials.accessToken, deviceId: body.deviceId, org, seq: 0, hlc: null };
}

function changeOf(d: Dev, [sessionId, participantId]: [string, string]): Change {
  d.hlc = hlcTick(d.hlc, Date.now(), d.deviceId.replace(/-/g, '').slice(-12));
  return {
    changeId: uuidv7(),
    deviceSeq: ++d.seq,
    kind: 'presence.set',
    sessionId,
    participantId,
    state: 'present',
    method: 'qr',
    recordedAt: new Date().toISOString(),
    hlc: formatHlc(d.hlc),
    baseVersion: 0,
  };
}

async function drive(servers: ServerProcess[], devices: Dev[]) {
  const perOrg = new Map<number, [string, string][]>();
  const orgsUsed = [...new Set(devices.map((d) => d.org))];
  for (const o of orgsUsed) perOrg.set(o, await freshKeys(orgs[o]!, CHANGES / orgsUsed.length));
  const work = devices.map((d, i) => {
    const peers = devices.filter((x) => x.org === d.org);
    const mine = perOrg.get(d.org)!.filter((_, j) => j % peers.length === peers.indexOf(d));
    return { d, server: servers[i % servers.length]!, changes: mine.map((k) => changeOf(d, k)) };
  });
  const start = performance.now();
  await Promise.all(
    work.map(async ({ d, server, changes }) => {
      await pushAll(server.url, d.token, changes, BATCH);
    }),
  );
  return performance.now() - start;
}

const servers: ServerProcess[] = [];
for (let i = 0; i < Math.max(...PROCESSES); i++)
  servers.push(await startServer({ DATABASE_URL: db.url!, SEED_DEMO: '0' }, await freePort()));
const email = (org: number, i: number) =>
  `usher${(i % 2) + 1}@${org === 0 ? '' : `bench${org}.`}demo.rollcall.test`;
const oneOrg: Dev[] = [];
const fourOrgs: Dev[] = [];
for (let i = 0; i < DEVICES; i++) {
  oneOrg.push(await loginAt(servers[0]!.url, email(0, i), 0));
  fourOrgs.push(await loginAt(servers[0]!.url, email(i % 4, i), i % 4));
}

console.log(
  `${fmt(CHANGES)} changes from ${DEVICES} devices in batches of ${BATCH}, median of ${REPS}\n`,
);
console.log('| organizations | processes | ms | changes/s | vs 1 process |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const [label, devices] of [
  ['1', oneOrg],
  ['4', fourOrgs],
] as const) {
  const ms = new Map<number, number[]>(PROCESSES.map((p) => [p, []]));
  for (let r = 0; r < REPS; r++) {
    const order = PROCESSES.map((_, i) => PROCESSES[(i + r) % PROCESSES.length]!);
    for (const p of order) ms.get(p)!.push(await drive(servers.slice(0, p), devices));
  }
  const one = median(ms.get(1)!);
  for (const p of PROCESSES) {
    const m = median(ms.get(p)!);
    console.log(
      `| ${label} | ${p} | ${fmt(m)} | ${fmt(CHANGES / (m / 1000))} | ${fmt(one / m, 2)} |`,
    );
  }
}
for (const s of servers) await s.kill();
await h.close();
