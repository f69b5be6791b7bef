// Rollcall against its peers in Debian's Chromium, interleaved A/B: PouchDB (pouchdb-browser on
// IndexedDB) replicating to express-pouchdb, and RxDB (Dexie storage) with its HTTP replication,
// on the same two workloads:
//  - drain: N check-ins written offline, then reconnect and push everything (and the pull after);
//  - initial sync: a fresh device pulls an organization of 5,000 participants, 50 sessions and
//    100,000 records.
// Rollcall is the built PWA (`?bench` hooks) against the real sync server (SQLite); each peer is
// its own server process on loopback (peers-server.ts) serving its page bundle (esbuild).
//   pnpm --filter @rollcall/web exec vite build
//   pnpm --filter @rollcall/bench peers [--reps=3] [--drain=10000] [--participants=5000]
//     [--sessions=50] [--records=100000] [--only=drain|initial]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { build } from 'esbuild';
import { Kysely, SqliteDialect } from 'kysely';
import { chromium, type Browser, type Page } from '@playwright/test';
import { formatHlc, hlcTick, type Hlc } from '@rollcall/conflict';
import { PROTOCOL_VERSION, uuidv7, type Change } from '@rollcall/shared';
import { freePort, startServer } from '@rollcall/sync-server/server-process';
import { seedDemo } from '@rollcall/sync-server/testing';
import { fmt, median } from './stats.ts';

const here = import.meta.dirname;
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];
const systemsArg = process.argv.find((a) => a.startsWith('--systems='))?.split('=')[1];
const REPS = arg('reps', 3);
const DRAIN = arg('drain', 10_000);
// --profile: a CPU profile of Rollcall's page during each measurement, its top functions by self
// time printed (build the web app with `--minify false` to read the names).
const PROFILE = process.argv.includes('--profile');
// --screen=/admin/account opens Rollcall's page on that screen instead of Today (whose per-session
// counts are live queries over the records), to tell the sync's own cost from the screen's.
const SCREEN = process.argv.find((a) => a.startsWith('--screen='))?.split('=')[1] ?? '/';
const SIZE = {
  participants: arg('participants', 5_000),
  sessions: arg('sessions', 50),
  records: arg('records', 100_000),
};
const PUSH_BATCH = 1000;
const webDist = resolve(here, '../apps/web/dist');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];
const ALL_SYSTEMS = ['rollcall', 'pouch', 'rxdb'] as const;
type System = (typeof ALL_SYSTEMS)[number];
// --systems=rollcall runs only Rollcall (while iterating on it); the default runs all three.
const SYSTEMS = ALL_SYSTEMS.filter((s) => !systemsArg || systemsArg.split(',').includes(s));
interface Drain {
  ms: number;
  pushMs?: number;
  arrived: number;
  phases?: Phases;
}
interface Initial {
  ms: number;
  held: number;
  phases?: Phases;
}
type Phases = Record<string, number>;

// Rollcall's sync requests, timed in the page: the API client calls the global `fetch` at call
// time, so wrapping it sees every push and pull with its start, the end of its JSON parse and the
// server handler's own time (its `server-timing` header).
const TIMED_FETCH = `(() => {
  const events = (globalThis.__syncEvents = []);
  const plain = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const kind = url.includes('/sync/push') ? 'push' : url.includes('/sync/pull') ? 'pull' : null;
    if (!kind) return plain(input, init);
    const ev = { kind, start: performance.now(), end: 0, server: 0 };
    events.push(ev);
    const res = await plain(input, init);
    const dur = /dur=([0-9.]+)/.exec(res.headers.get('server-timing') ?? '');
    ev.server = dur ? Number(dur[1]) : 0;
    const json = res.json.bind(res);
    res.json = async () => {
      const v = await json();
      ev.end = performance.now();
      return v;
    };
    return res;
  };
})()`;
interface SyncEvent {
  kind: 'push' | 'pull';
  start: number;
  end: number;
  server: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Runs `fn` under Chromium's sampling profiler (with --profile) and prints the hottest functions. */
async function profiled<T>(page: Page, label: string, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const out = await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // The whole profile too, for DevTools' Performance panel or a by-total-time reading.
  const file = join(tmpdir(), `rollcall-${label}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.error(`profile ${label} (${file}):`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.error(`  ${fmt(ms)} ms  ${name}`);
  return out;
}

/** Time covered by at least one of the intervals (pushes overlap when pipelined). */
function covered(events: SyncEvent[]) {
  let total = 0;
  let reach = -Infinity;
  for (const e of [...events].sort((a, b) => a.start - b.start)) {
    const from = Math.max(e.start, reach);
    if (e.end > from) total += e.end - from;
    reach = Math.max(reach, e.end);
  }
  return total;
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * A sync split into phases from the page's marks: t0 (start), pushed (the push settled; absent
 * for an initial sync), pulled (the engine set lastPullAt), end (syncNow returned).
 */
function phasesOf(
  events: SyncEvent[],
  m: { t0: number; pushed?: number; pulled: number; end: number },
): Phases {
  const pushes = events.filter((e) => e.kind === 'push');
  const pulls = events.filter((e) => e.kind === 'pull');
  const pushedAt = m.pushed ?? m.t0;
  const out: Phases = {};
  if (m.pushed !== undefined) {
    out['outbox read + first batch encode'] = (pushes[0]?.start ?? m.pushed) - m.t0;
    out['push requests in flight'] = covered(pushes);
    out['of which server push handler'] = sum(pushes.map((e) => e.server));
    out['push: device only (settle, encode)'] =
      m.pushed - m.t0 - out['push requests in flight'] - out['outbox read + first batch encode'];
  }
  out['pull requests in flight'] = covered(pulls);
  out['of which server pull handler'] = sum(pulls.map((e) => e.server));
  out['pull: device only (apply pages)'] = m.pulled - pushedAt - out['pull requests in flight'];
  out['counts after the sync'] = m.end - m.pulled;
  out['push requests'] = pushes.length;
  out['pull requests'] = pulls.length;
  return out;
}

const temp = mkdtempSync(join(tmpdir(), 'rollcall-peers-'));
const children: ChildProcess[] = [];

// --- Rollcall: the real server and the built PWA --------------------------------------------

async function rollcallServer(sqlitePath: string, seed: boolean) {
  const port = await freePort();
  const env = { SQLITE_PATH: sqlitePath, SEED_DEMO: seed ? '1' : '0', DEMO_HISTORY: '0' };
  return startServer({ ...env, WEB_DIST: webDist }, port);
}

async function api(url: string, token: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

async function apiLogin(url: string, email: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'rollcall-demo' }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { credentials: { accessToken: string }; deviceId: string };
  return { token: body.credentials.accessToken, deviceId: body.deviceId };
}

/** Sessions open now, so every check-in pushed into them is applied. */
async function openSessions(url: string, token: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = (await api(url, token, '/api/v1/sessions', {
      name: `Bench ${i}`,
      scheduledStart: new Date(Date.now() - 3600_000).toISOString(),
      scheduledEnd: new Date(Date.now() + 3600_000).toISOString(),
      status: 'active',
    })) as { id: string };
    ids.push(s.id);
  }
  return ids;
}

/** The initial sync's organization: the demo seed grown to SIZE, the records pushed over HTTP. */
async function seedRollcallOrg() {
  const sqlitePath = join(temp, 'org.sqlite');
  await (await rollcallServer(sqlitePath, false)).kill('SIGTERM'); // migrates the empty file
  const sqlite = new SQLite(sqlitePath);
  const db = new Kysely<never>({ dialect: new SqliteDialect({ database: sqlite }) });
  const clock = { now: () => Date.now() };
  const demo = await seedDemo(db as unknown as Parameters<typeof seedDemo>[0], clock, {
    participants: SIZE.participants,
  });
  await db.destroy();
  const server = await rollcallServer(sqlitePath, false);
  children.push(server.child);
  const admin = await apiLogin(server.url, 'admin@demo.rollcall.test');
  const sessions = await openSessions(server.url, admin.token, SIZE.sessions);
  const people = demo.participants.map((p) => p.id);
  const perSession = Math.ceil(SIZE.records / SIZE.sessions);
  let hlc: Hlc | null = null;
  for (let r = 0; r < SIZE.records; r += PUSH_BATCH) {
    const changes: Change[] = [];
    for (let i = r; i < Math.min(r + PUSH_BATCH, SIZE.records); i++) {
      hlc = hlcTick(hlc, Date.now(), admin.deviceId.slice(-12));
      changes.push({
        changeId: uuidv7(),
        deviceSeq: i + 1,
        kind: 'presence.set',
        sessionId: sessions[Math.floor(i / perSession)]!,
        participantId: people[i % perSession]!,
        state: ['present', 'late', 'absent', 'excused'][i % 4]!,
        method: 'manual',
        recordedAt: new Date().toISOString(),
        hlc: formatHlc(hlc),
        baseVersion: 0,
      });
    }
    const res = (await api(server.url, admin.token, '/api/v1/sync/push', {
      protocolVersion: PROTOCOL_VERSION,
      changes,
    })) as { results: { status: string }[] };
    if (res.results.some((x) => x.status !== 'applied'))
      throw new Error(
        `seed push: ${JSON.stringify(res.results.find((x) => x.status !== 'applied'))}`,
      );
  }
  return server;
}

async function signedIn(browser: Browser, url: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(TIMED_FETCH);
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('rollcall-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Today' }).waitFor({ timeout: 120_000 });
  await page.goto(`${url}${SCREEN}?bench`);
  await page.waitForFunction(() => 'rollcallBench' in globalThis);
  // The sign-in started a sync: let it finish, then stop the engine's own triggers, so the
  // measured work is the only work.
  await page.evaluate(async () => {
    const b = (globalThis as any).rollcallBench; // eslint-disable-line @typescript-eslint/no-explicit-any
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 2400 && b.engine.getStatus().lastPullAt === null; i++) await sleep(250);
    b.engine.stop();
    for (let idle = 0; idle < 3;) {
      await sleep(200);
      idle = b.engine.getStatus().syncing ? 0 : idle + 1;
    }
  });
  return page;
}

async function rollcallDrain(browser: Browser): Promise<Drain> {
  const sqlitePath = join(temp, `drain-${Date.now()}.sqlite`);
  const server = await rollcallServer(sqlitePath, true);
  try {
    const admin = await apiLogin(server.url, 'admin@demo.rollcall.test');
    const sessionIds = await openSessions(server.url, admin.token, 50);
    const people = (await api(server.url, admin.token, '/api/v1/participants?limit=1000')) as {
      items: { id: string }[];
    };
    const page = await signedIn(browser, server.url, 'usher1@demo.rollcall.test');
    // Offline check-ins, written before the clock (and the profiler) starts; the peers write
    // theirs the same way.
    await page.evaluate(
      async ({ n, sessionIds, peopleIds }) => {
        const b = (globalThis as any).rollcallBench; // eslint-disable-line @typescript-eslint/no-explicit-any
        const login = (await b.db.meta.get('login')).value;
        const who = { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() };
        await b.db.transaction('rw', [b.db.records, b.db.outbox, b.db.meta], async () => {
          for (let i = 0; i < n; i++)
            await b.recordPresence(b.db, who, {
              sessionId: sessionIds[Math.floor(i / peopleIds.length) % sessionIds.length],
              participantId: peopleIds[i % peopleIds.length],
              state: 'present',
              method: 'manual',
            });
        });
      },
      { n: DRAIN, sessionIds, peopleIds: people.items.slice(0, 200).map((p) => p.id) },
    );
    const result = await profiled(page, 'drain', () =>
      page.evaluate(async () => {
        const b = (globalThis as any).rollcallBench; // eslint-disable-line @typescript-eslint/no-explicit-any
        const marks = { t0: 0, pushed: 0, pulled: 0, end: 0 };
        // One sync as the app runs it on reconnecting (the engine says it is syncing, so the
        // screen's counts wait): the push ends when the engine notes lastPushAt.
        const before = b.engine.getStatus();
        b.engine.subscribe((st: { lastPullAt: number | null; lastPushAt: number | null }) => {
          if (!marks.t0) return;
          if (!marks.pushed && st.lastPushAt !== before.lastPushAt)
            marks.pushed = performance.now();
          if (!marks.pulled && st.lastPullAt !== before.lastPullAt)
            marks.pulled = performance.now();
        });
        (globalThis as any).__syncEvents.length = 0; // eslint-disable-line @typescript-eslint/no-explicit-any
        marks.t0 = performance.now();
        await b.engine.syncNow();
        marks.end = performance.now();
        return {
          ms: marks.end - marks.t0,
          pushMs: marks.pushed - marks.t0,
          left: (await b.db.outbox.count()) as number,
          marks,
          events: (globalThis as any).__syncEvents, // eslint-disable-line @typescript-eslint/no-explicit-any
        };
      }),
    );
    await page.context().close();
    return {
      ms: result.ms,
      pushMs: result.pushMs,
      arrived: DRAIN - result.left,
      phases: phasesOf(result.events as SyncEvent[], result.marks),
    };
  } finally {
    await server.kill('SIGTERM');
    rmSync(sqlitePath, { force: true });
  }
}

async function rollcallInitial(browser: Browser, url: string): Promise<Initial> {
  const page = await signedIn(browser, url, 'admin@demo.rollcall.test');
  const result = await profiled(page, 'initial', () =>
    page.evaluate(async () => {
      const b = (globalThis as any).rollcallBench; // eslint-disable-line @typescript-eslint/no-explicit-any
      // A fresh device: everything a pull writes is dropped, and the cursor with it.
      for (const t of ['users', 'presenceStates', 'groups', 'participants', 'sessions', 'records'])
        await b.db[t].clear();
      await b.db.meta.delete('cursor');
      const marks = { t0: 0, pulled: 0, end: 0 };
      const before = b.engine.getStatus().lastPullAt;
      b.engine.subscribe((st: { lastPullAt: number | null }) => {
        if (marks.t0 && !marks.pulled && st.lastPullAt !== before) marks.pulled = performance.now();
      });
      (globalThis as any).__syncEvents.length = 0; // eslint-disable-line @typescript-eslint/no-explicit-any
      marks.t0 = performance.now();
      await b.engine.syncNow();
      marks.end = performance.now();
      const held =
        (await b.db.participants.count()) +
        (await b.db.sessions.count()) +
        (await b.db.records.count());
      const events = (globalThis as any).__syncEvents; // eslint-disable-line @typescript-eslint/no-explicit-any
      return { ms: marks.end - marks.t0, held: held as number, marks, events };
    }),
  );
  await page.context().close();
  return {
    ms: result.ms,
    held: result.held,
    phases: phasesOf(result.events as SyncEvent[], result.marks),
  };
}

// --- The peers: their server process and page bundle ------------------------------------------

async function bundle() {
  const outdir = join(temp, 'dist');
  await build({
    entryPoints: [join(here, 'peers-pouch-page.ts'), join(here, 'peers-rxdb-page.ts')],
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return outdir;
}

async function peerServer(peer: 'pouch' | 'rxdb', dist: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(here, 'peers-server.ts'),
      peer,
      String(port),
      dist,
      JSON.stringify(SIZE),
    ],
    { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((ok, fail) => {
    child.stdout?.on('data', (b: Buffer) => b.toString().includes('listening on') && ok());
    child.once('exit', (code) => fail(new Error(`${peer} server exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

async function peerPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript('globalThis.__name = (f) => f');
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => 'peerBench' in globalThis);
  return page;
}

let run = 0;
async function peerDrain(browser: Browser, url: string): Promise<Drain> {
  const page = await peerPage(browser, url);
  run += 1;
  const r = await page.evaluate(
    ({ n, name }) => (globalThis as any).peerBench.drain(n, name) as Promise<Drain>, // eslint-disable-line @typescript-eslint/no-explicit-any
    { n: DRAIN, name: `drain-${run}` },
  );
  await page.context().close();
  return r;
}

async function peerInitial(browser: Browser, url: string): Promise<Initial> {
  const page = await peerPage(browser, url);
  run += 1;
  const r = await page.evaluate(
    ({ run }) => (globalThis as any).peerBench.initialSync('org', run) as Promise<Initial>, // eslint-disable-line @typescript-eslint/no-explicit-any
    { run },
  );
  await page.context().close();
  return r;
}

// --- The run ---------------------------------------------------------------------------------

const failures: string[] = [];
/** A system that fails is reported and left out; the others still run. */
async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    const message = `${what}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500);
    console.error(message);
    failures.push(message);
    return null;
  }
}

const dist = await bundle();
const urls = {
  pouch: SYSTEMS.includes('pouch') ? await peerServer('pouch', dist) : '',
  rxdb: SYSTEMS.includes('rxdb') ? await peerServer('rxdb', dist) : '',
};
const org = only === 'drain' ? null : await attempt('seeding Rollcall', seedRollcallOrg);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const drains: Record<System, Drain[]> = { rollcall: [], pouch: [], rxdb: [] };
const initials: Record<System, Initial[]> = { rollcall: [], pouch: [], rxdb: [] };
try {
  for (let rep = 0; rep < REPS; rep++) {
    // The order rotates each repetition, so no system always runs first or last.
    const order = SYSTEMS.map((_, i) => SYSTEMS[(i + rep) % SYSTEMS.length]!);
    for (const s of only === 'initial' ? [] : order) {
      const d = await attempt(`drain ${s}`, () =>
        s === 'rollcall' ? rollcallDrain(browser) : peerDrain(browser, urls[s]),
      );
      if (!d) continue;
      console.error(`rep ${rep + 1} drain ${s}: ${fmt(d.ms)} ms (${d.arrived} arrived)`);
      if (d.phases) console.error(JSON.stringify(d.phases));
      drains[s].push(d);
    }
    for (const s of only === 'drain' ? [] : order) {
      if (s === 'rollcall' && !org) continue;
      const url = org?.url ?? '';
      const i = await attempt(`initial ${s}`, () =>
        s === 'rollcall' ? rollcallInitial(browser, url) : peerInitial(browser, urls[s]),
      );
      if (!i) continue;
      console.error(`rep ${rep + 1} initial ${s}: ${fmt(i.ms)} ms (${i.held} held)`);
      if (i.phases) console.error(JSON.stringify(i.phases));
      initials[s].push(i);
    }
  }
} finally {
  await browser.close();
  for (const c of children) c.kill('SIGTERM');
  rmSync(temp, { recursive: true, force: true });
}

const NAMES: Record<System, string> = {
  rollcall: 'Rollcall (Dexie, HTTP push/pull)',
  pouch: 'PouchDB 9 (IndexedDB) → express-pouchdb',
  rxdb: 'RxDB 16 (Dexie storage), HTTP replication',
};
const med = (xs: number[]) => (xs.length ? median(xs) : NaN);
const ratio = (s: System, m: number, ours: number) =>
  s === 'rollcall' ? '1.00' : fmt(m / ours, 2);
console.log(`\nChromium ${browser.version()}, ${REPS} repetitions interleaved, medians\n`);
if (SYSTEMS.some((s) => drains[s].length)) {
  const ours = med(drains.rollcall.map((d) => d.ms));
  console.log(
    `| drain of ${fmt(DRAIN)} changes | median ms | push ms | changes/s | peer / Rollcall | arrived |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of SYSTEMS) {
    const m = med(drains[s].map((d) => d.ms));
    const push =
      drains[s][0]?.pushMs === undefined ? '–' : fmt(med(drains[s].map((d) => d.pushMs ?? 0)));
    console.log(
      `| ${NAMES[s]} | ${fmt(m)} | ${push} | ${fmt(DRAIN / (m / 1000))} | ${ratio(s, m, ours)} | ${drains[s].map((d) => d.arrived).join(', ')} |`,
    );
  }
}
if (SYSTEMS.some((s) => initials[s].length)) {
  const ours = med(initials.rollcall.map((d) => d.ms));
  console.log(
    `\n| initial sync (${fmt(SIZE.participants)} participants, ${SIZE.sessions} sessions, ${fmt(SIZE.records)} records) | median ms | rows/s | peer / Rollcall | rows held |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const s of SYSTEMS) {
    const m = med(initials[s].map((d) => d.ms));
    const held = initials[s][0]?.held ?? 0;
    console.log(
      `| ${NAMES[s]} | ${fmt(m)} | ${fmt(held / (m / 1000))} | ${ratio(s, m, ours)} | ${initials[s].map((d) => d.held).join(', ')} |`,
    );
  }
}
/** Rollcall's phases, median of each over the repetitions. */
function phaseTable(title: string, runs: { phases?: Phases }[]) {
  const all = runs.flatMap((r) => (r.phases ? [r.phases] : []));
  if (!all.length) return;
  console.log(`\n| ${title} | median ms |\n| --- | ---: |`);
  for (const k of Object.keys(all[0]!))
    console.log(`| ${k} | ${fmt(median(all.map((p) => p[k] ?? 0)))} |`);
}
phaseTable(`Rollcall drain of ${fmt(DRAIN)}: phase`, drains.rollcall);
phaseTable('Rollcall initial sync: phase', initials.rollcall);
if (failures.length) console.log(`\nfailed:\n${failures.join('\n')}`);
