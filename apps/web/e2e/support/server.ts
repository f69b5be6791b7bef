// Each spec gets the real sync server with a fresh SQLite file, serving the built PWA.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatHlc, hlcTick } from '@rollcall/conflict';
import { PROTOCOL_VERSION, uuidv7, type PushResponse } from '@rollcall/shared';
import { freePort, startServer, type ServerProcess } from '@rollcall/sync-server/server-process';

export const webDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
/** The server's own entry, run a day in the past (after tsx, which lets it preload TypeScript). */
const YESTERDAY = [
  '--import',
  'tsx',
  '--import',
  pathToFileURL(resolve(dirname(fileURLToPath(import.meta.url)), 'yesterday-clock.ts')).href,
  'src/server.ts',
];

export interface TestServer {
  url: string;
  /** The server's database, for running the operator's CLI against it. */
  sqlitePath: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * `web` serves another copy of the built app (a spec that ships a new version edits it).
 * `seededYesterday`: the server first starts with its clock a day behind, so the demo is seeded
 * yesterday, then restarts on the same database with the real clock (the demo, a day later).
 */
export async function launchServer(
  web = webDist,
  opts: { churchWords?: boolean; history?: boolean; seededYesterday?: boolean } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-e2e-'));
  // The demo without its past weeks unless asked: specs count records from zero
  // (demo-days.test.ts covers the history; screens.spec.ts pictures it).
  const env = {
    SQLITE_PATH: join(dir, 'db.sqlite'),
    SEED_DEMO: '1',
    DEMO_HISTORY: opts.history ? '1' : '0',
    WEB_DIST: web,
  };
  const port = await freePort();
  let proc: ServerProcess | null = await startServer(
    env,
    port,
    opts.seededYesterday ? YESTERDAY : undefined,
  );
  if (opts.seededYesterday) {
    await proc.kill('SIGTERM');
    proc = await startServer(env, port);
  }
  await presentAllDay(proc.url);
  if (!opts.churchWords) await neutralWords(proc.url);
  return {
    url: proc.url,
    sqlitePath: env.SQLITE_PATH,
    restart: async () => {
      proc = await startServer(env, port);
    },
    stop: async () => {
      await proc?.kill('SIGKILL');
      proc = null;
    },
    dispose: async () => {
      await proc?.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server's API as an admin sees it, for checking what arrived. */
export async function adminApi(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.rollcall.test', password: 'rollcall-demo' }),
  });
  const login = (await res.json()) as {
    credentials: { accessToken: string };
    organization: { id: string };
  };
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${url}${path}`, {
      headers: { authorization: `Bearer ${login.credentials.accessToken}` },
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { get, organizationId: login.organization.id, token: login.credentials.accessToken };
}

/**
 * The demo starts today's Sunday Service at 09:00 with "late after 15 minutes", so a check-in made
 * by a spec would be "present" or "late" depending on the hour CI runs. Specs that need lateness set
 * it themselves (sunday-service.spec.ts); for the rest, today's service counts arrivals as present
 * all day.
 */
async function presentAllDay(url: string) {
  const api = await adminApi(url);
  const sunday = (
    await api.get<{ items: { id: string; name: string }[] }>('/api/v1/sessions')
  ).items.findLast((s) => s.name === 'Sunday Service');
  if (!sunday) throw new Error('the demo has no Sunday Service today');
  const res = await fetch(`${url}/api/v1/sessions/${sunday.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lateAfterMinutes: 1440 }),
  });
  if (!res.ok) throw new Error(`could not set today's service: ${res.status} ${await res.text()}`);
}

/**
 * The demo is a church: its screens say "Service", "Member" and "Ministry". Specs are written in
 * the app's own words (Session, Participant, Group), so their server's organization uses those;
 * `terms.spec.ts` launches with `churchWords` to check the church's words reach the screens.
 */
async function neutralWords(url: string) {
  const api = await adminApi(url);
  const res = await fetch(`${url}/api/v1/organization`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      settings: { labels: { session: 'Session', participant: 'Participant', group: 'Group' } },
    }),
  });
  if (!res.ok) throw new Error(`could not set the words: ${res.status} ${await res.text()}`);
}

/**
 * Starts today's sessions of these names. A spec that opens one from the usher's list would
 * otherwise depend on the hour CI runs: once it has ended it folds under "Recent". Only today's:
 * starting yesterday's would put it under "Now" too (demo-next-day.spec.ts checks today has them).
 */
export async function startSessions(url: string, names: string[]) {
  const api = await adminApi(url);
  // The demo's days are UTC's (DEMO_TIME_ZONE).
  const day = new Date().toISOString().slice(0, 10);
  const today = (
    await api.get<{ items: { id: string; name: string; scheduledStart: string }[] }>(
      '/api/v1/sessions',
    )
  ).items.filter((s) => s.scheduledStart.startsWith(day));
  for (const name of names) {
    const session = today.findLast((s) => s.name === name);
    if (!session) throw new Error(`the demo has no ${name} today`);
    const res = await fetch(`${url}/api/v1/sessions/${session.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'active' }),
    });
    if (!res.ok) throw new Error(`could not start ${name}: ${res.status} ${await res.text()}`);
  }
}

/** An usher's device through the API alone: each call pushes one presence change and answers its
 * result (a state the organization does not have is rejected). */
export async function usherDevice(url: string, email: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'rollcall-demo', deviceName: `e2e ${email}` }),
  });
  const login = (await res.json()) as { credentials: { accessToken: string }; deviceId: string };
  let seq = 0;
  return async (sessionId: string, participantId: string, state: string) => {
    seq += 1;
    const change = {
      changeId: uuidv7(),
      deviceSeq: seq,
      kind: 'presence.set',
      sessionId,
      participantId,
      state,
      method: 'manual',
      recordedAt: new Date().toISOString(),
      hlc: formatHlc(hlcTick(null, Date.now(), login.deviceId.slice(-12))),
      baseVersion: 0,
    };
    const pushed = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${login.credentials.accessToken}`,
      },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, changes: [change] }),
    });
    return ((await pushed.json()) as PushResponse).results[0]!;
  };
}
