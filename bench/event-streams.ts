// One server process holding thousands of event streams (`GET /api/v1/sync/stream`, SSE): the
// time from a push to the last stream hearing its `changed` event, and the server's memory.
// A device may hold 4 streams, so STREAMS / 4 devices sign in (as the demo admin; sign-ins come
// from several loopback addresses, since each address may sign in 120 times a minute).
// Everything is on loopback: the real server (SQLite) as its own process, the streams and the
// pushes from this process.
//   pnpm --filter @rollcall/bench event-streams [--streams=5000] [--pushes=10]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHlc, hlcTick } from '@rollcall/conflict';
import { PROTOCOL_VERSION, uuidv7 } from '@rollcall/shared';
import { freePort, startServer } from '@rollcall/sync-server/server-process';
import { fmt, median, percentile } from './stats.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const STREAMS = arg('streams', 5000);
const PUSHES = arg('pushes', 10);
const PER_DEVICE = 4;
// At most 4 sign-ins of the one account at once: a fifth in flight would lock it (login-throttle).
const LOGINS_PER_ADDRESS = 100;
const ROUND_TIMEOUT_MS = 60_000;

interface Call {
  status: number;
  body: string;
}

/** A plain HTTP request from a chosen loopback address. */
function call(base: string, path: string, opts: { body?: unknown; token?: string; from?: string }) {
  return new Promise<Call>((ok, fail) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      `${base}${path}`,
      {
        method: body ? 'POST' : 'GET',
        localAddress: opts.from ?? '127.0.0.1',
        agent: false,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (b: Buffer) => (text += b.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.once('error', fail);
    req.end(body);
  });
}

async function signIn(base: string, i: number) {
  const from = `127.0.${1 + Math.floor(i / (LOGINS_PER_ADDRESS * 250))}.${2 + (Math.floor(i / LOGINS_PER_ADDRESS) % 250)}`;
  const res = await call(base, '/api/v1/auth/login', {
    from,
    body: {
      email: 'admin@demo.rollcall.test',
      password: 'rollcall-demo',
      deviceName: `bench ${i}`,
    },
  });
  if (res.status !== 200) throw new Error(`sign-in ${i}: ${res.status} ${res.body}`);
  const body = JSON.parse(res.body) as { credentials: { accessToken: string }; deviceId: string };
  return { token: body.credentials.accessToken, deviceId: body.deviceId };
}

/** Opens a stream; `onChanged` is called with the arrival time of each `changed` event. */
function openStream(base: string, token: string, onChanged: (at: number) => void) {
  return new Promise<IncomingMessage>((ok, fail) => {
    const req = request(`${base}/api/v1/sync/stream`, {
      agent: false,
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    });
    req.once('error', fail);
    req.once('response', (res) => {
      if (res.statusCode !== 200) return fail(new Error(`stream: ${res.statusCode}`));
      let buffer = '';
      res.on('data', (b: Buffer) => {
        buffer += b.toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.startsWith('event: hello')) ok(res);
          else if (event.startsWith('event: changed')) onChanged(performance.now());
        }
      });
    });
    req.end();
  });
}

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number) {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

async function inBatches<T>(n: number, width: number, fn: (i: number) => Promise<T>) {
  const out: T[] = [];
  for (let i = 0; i < n; i += width)
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => fn(i + j)))),
    );
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'rollcall-streams-'));
const env = { SQLITE_PATH: join(dir, 'db.sqlite'), SEED_DEMO: '1', DEMO_HISTORY: '0' };
const server = await startServer(env, await freePort());
const pid = server.child.pid ?? 0;
const streams: IncomingMessage[] = [];
try {
  const base = server.url;
  const t0 = performance.now();
  const devices = await inBatches(Math.ceil(STREAMS / PER_DEVICE), 4, (i) => signIn(base, i));
  const signInS = (performance.now() - t0) / 1000;
  const pusher = await signIn(base, devices.length);
  const sessions = JSON.parse(
    (await call(base, '/api/v1/sessions', { token: pusher.token })).body,
  ) as { items: { id: string }[] };
  const people = JSON.parse(
    (await call(base, '/api/v1/participants?limit=1000', { token: pusher.token })).body,
  ) as { items: { id: string }[] };
  const rssBefore = rssMiB(pid);

  // The first `changed` each stream hears in the current round.
  let heard: (number | undefined)[] = [];
  let count = 0;
  const t1 = performance.now();
  const open = await inBatches(STREAMS, 200, (i) =>
    openStream(base, devices[Math.floor(i / PER_DEVICE)]!.token, (at) => {
      if (heard[i] !== undefined) return;
      heard[i] = at;
      count += 1;
    }),
  );
  streams.push(...open);
  const openS = (performance.now() - t1) / 1000;
  const rssOpen = rssMiB(pid);

  const last: number[] = [];
  const middle: number[] = [];
  const pushMs: number[] = [];
  let hlc = null;
  for (let p = 0; p < PUSHES; p++) {
    heard = [];
    count = 0;
    hlc = hlcTick(hlc, Date.now(), pusher.deviceId.slice(-12));
    const change = {
      changeId: uuidv7(),
      deviceSeq: p + 1,
      kind: 'presence.set',
      sessionId: sessions.items[0]!.id,
      participantId: people.items[p % people.items.length]!.id,
      state: 'present',
      method: 'manual',
      recordedAt: new Date().toISOString(),
      hlc: formatHlc(hlc),
      baseVersion: 0,
    };
    const start = performance.now();
    const res = await call(base, '/api/v1/sync/push', {
      token: pusher.token,
      body: { protocolVersion: PROTOCOL_VERSION, changes: [change] },
    });
    pushMs.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`push: ${res.status} ${res.body}`);
    const deadline = Date.now() + ROUND_TIMEOUT_MS;
    while (count < STREAMS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (count < STREAMS) throw new Error(`push ${p + 1}: ${count} of ${STREAMS} streams heard it`);
    const times = heard.map((at) => (at ?? Infinity) - start).sort((a, b) => a - b);
    last.push(times[times.length - 1]!);
    middle.push(median(times));
    await new Promise((r) => setTimeout(r, 500)); // let the round settle before the next push
  }
  const rssAfter = rssMiB(pid);

  console.log(
    `\n${fmt(STREAMS)} streams from ${fmt(devices.length)} devices on one server process (SQLite); ${PUSHES} pushes of one change\n`,
  );
  console.log('| measure | median | p95 |\n| --- | ---: | ---: |');
  console.log(
    `| push to the LAST stream's \`changed\`, ms | ${fmt(median(last))} | ${fmt(percentile(last, 95))} |`,
  );
  console.log(
    `| push to the median stream's \`changed\`, ms | ${fmt(median(middle))} | ${fmt(percentile(middle, 95))} |`,
  );
  console.log(
    `| push request round trip, ms | ${fmt(median(pushMs))} | ${fmt(percentile(pushMs, 95))} |`,
  );
  console.log(
    `\nserver RSS: ${fmt(rssBefore)} MiB signed in, ${fmt(rssOpen)} MiB with the streams open (${fmt(((rssOpen - rssBefore) * 1024) / STREAMS, 1)} KiB a stream), ${fmt(rssAfter)} MiB after the pushes`,
  );
  console.log(`sign-ins ${fmt(signInS, 1)} s, opening the streams ${fmt(openS, 1)} s`);
  console.log(`last \`changed\` per push, ms: ${last.map((x) => fmt(x)).join(', ')}`);
} finally {
  for (const s of streams) s.destroy();
  await server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
