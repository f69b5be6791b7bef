// The sync loop's timing on a fake clock: debounce, backoff, the stall watchdog, refusals and the
// event stream. The transport is a fake `Api` (the boundary the engine talks through); the store
// is real Dexie over fake-indexeddb, whose tasks (setImmediate) run on the same fake clock.
import 'fake-indexeddb/auto';
import { uuidv7, type PullResponse, type PushRequest, type PushResponse } from '@rollcall/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RollcallDb } from '../db/db.ts';
import { recordPresence } from '../db/record.ts';
import { ApiError, type Api } from './api.ts';
import { SyncEngine, type EngineDeps } from './engine.ts';
import type { SyncStatus } from './status.ts';
import { appliedAnswer, pullPage } from './test-fakes.ts';

const emptyPage = () => pullPage();

const applied = (body: PushRequest) => appliedAnswer(body);

type Answer<T> = () => Promise<T>;

/** A server on the far side of the fake `Api`: each call is logged at its fake time. */
function fakeServer() {
  const calls: { op: 'push' | 'pull'; at: number; changes?: number }[] = [];
  const server = {
    calls,
    pushAnswer: null as ((body: PushRequest) => Promise<PushResponse>) | null,
    pullAnswer: (async () => emptyPage()) as Answer<PullResponse>,
    streamUrls: 0,
    at: (op: 'push' | 'pull') => calls.filter((c) => c.op === op).map((c) => c.at),
  };
  const api = {
    push: (body: PushRequest) => {
      calls.push({ op: 'push', at: Date.now(), changes: body.changes.length });
      return server.pushAnswer ? server.pushAnswer(body) : Promise.resolve(applied(body));
    },
    pull: () => {
      calls.push({ op: 'pull', at: Date.now() });
      return server.pullAnswer();
    },
    streamUrl: () => Promise.resolve(`http://stream.test/${++server.streamUrls}`),
  };
  return { server, api: api as unknown as Api };
}

/** The EventSource the engine opens, driven by the test. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  closed = false;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (() => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
  close() {
    this.closed = true;
  }
}

const down = () => Promise.reject(new ApiError(0, 'error', 'fetch failed'));
const refused = (code: string) => () => Promise.reject(new ApiError(403, code, `refused: ${code}`));
// IndexedDB (fake-indexeddb) runs on the real setImmediate: the fake clock stands still while the
// store works, so each timer's work ends before the clock moves on to the next timer.
const storeIdle = async () => {
  for (let i = 0; i < 500; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

// The fake clock's own timers, to step from one to the next (vi offers no "when is the next one").
const nextTimerAt = () => {
  const { clock } = setTimeout as unknown as {
    clock: { timers?: Record<string, { callAt: number }> };
  };
  const at = Object.values(clock.timers ?? {}).map((t) => t.callAt);
  return at.length ? Math.min(...at) : null;
};

/** Runs the fake clock forward timer by timer, letting the store finish each timer's work. */
async function advance(ms: number) {
  const until = Date.now() + ms;
  await storeIdle();
  for (let next = nextTimerAt(); next !== null && next <= until; next = nextTimerAt()) {
    vi.advanceTimersByTime(next - Date.now());
    await storeIdle();
  }
  vi.advanceTimersByTime(until - Date.now());
}

const T0 = new Date('2026-11-29T10:00:00.000Z').getTime();
let db: RollcallDb;
let stops: (() => void)[] = [];

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    now: T0,
  });
  db = new RollcallDb(`engine-loop-${uuidv7()}`);
  FakeEventSource.opened = [];
});
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  db.close();
  vi.useRealTimers();
});

function startEngine(api: Api, over: Partial<EngineDeps> = {}) {
  const engine = new SyncEngine({
    db,
    api,
    appVersion: 'test',
    locks: null,
    EventSourceImpl: null,
    isOnline: () => true,
    random: () => 0.5,
    // The periodic sync (every 30 s) would blur the schedules asserted; the refusal test runs it.
    timerMs: 3_600_000,
    ...over,
  });
  const seen: SyncStatus[] = [];
  engine.subscribe((s) => seen.push(s));
  stops.push(engine.start());
  return { engine, seen };
}

const who = { deviceId: 'device-a', userId: 'user-a', now: () => Date.now() };
const checkIn = (participantId: string) =>
  recordPresence(db, who, { sessionId: 's1', participantId, state: 'present', method: 'qr' });

describe('the sync loop on a fake clock', () => {
  it('debounces a burst of scans into one push', async () => {
    const { server, api } = fakeServer();
    const { engine } = startEngine(api);
    await advance(0);
    expect(server.at('push')).toEqual([]); // nothing queued at start: a pull only
    for (const p of ['p1', 'p2', 'p3', 'p4']) {
      await checkIn(p);
      engine.noteLocalChange();
      await advance(100); // scans 100 ms apart: each restarts the 300 ms wait
    }
    await advance(199);
    expect(server.at('push')).toEqual([]);
    await advance(1);
    expect(server.calls.filter((c) => c.op === 'push')).toEqual([
      { op: 'push', at: Date.now(), changes: 4 },
    ]);
    await advance(10_000);
    expect(server.at('push')).toHaveLength(1);
    expect(engine.getStatus()).toMatchObject({ pending: 0, lastError: null });
  });

  it('backs off exponentially with jitter up to a minute, and starts over after a success', async () => {
    const { server, api } = fakeServer();
    server.pullAnswer = down;
    const randoms = [0, 1, 0.5];
    let n = 0;
    const { engine, seen } = startEngine(api, { random: () => randoms[n++ % randoms.length] ?? 0 });
    await advance(6 * 60_000);
    const { waits } = schedule(server.at('pull'), seen);
    // base 1 s, 2 s, 4 s … capped at 60 s; jitter takes 50 % to 100 % of it (random 0, 1, 0.5).
    expect(waits.slice(0, 10)).toEqual([
      500, 2000, 3000, 4000, 16_000, 24_000, 30_000, 60_000, 45_000, 30_000,
    ]);
    expect(engine.getStatus()).toMatchObject({ lastError: 'Server unreachable' });
    server.pullAnswer = async () => emptyPage();
    await advance(60_000);
    expect(engine.getStatus()).toMatchObject({ lastError: null, nextRetryAt: null });
    server.pullAnswer = down;
    n = 0;
    const [pulls, statuses] = [server.at('pull').length, seen.length];
    engine.request('test');
    await advance(3_000);
    const again = schedule(server.at('pull').slice(pulls), seen.slice(statuses));
    expect(again.waits).toEqual([500, 2000, 3000]); // the first steps again
  });

  it('waits as long as the server asks (Retry-After) when that is longer than the backoff', async () => {
    const { server, api } = fakeServer();
    server.pullAnswer = () => Promise.reject(new ApiError(503, 'busy', 'busy', 20_000));
    const { seen } = startEngine(api);
    await advance(30_000);
    expect(schedule(server.at('pull'), seen).waits).toEqual([20_000, 20_000]);
  });

  it('calls out a stalled queue once and starts no second push while one hangs', async () => {
    const { server, api } = fakeServer();
    let answer = () => {};
    server.pushAnswer = (body) =>
      new Promise<PushResponse>((resolve) => (answer = () => resolve(applied(body))));
    await checkIn('p1');
    const { engine, seen } = startEngine(api);
    await advance(59_000);
    expect(engine.getStatus()).toMatchObject({ pending: 1, stalled: false, syncing: true });
    await advance(6_000); // the next watchdog check after a minute without progress
    expect(engine.getStatus().stalled).toBe(true);
    const timers = vi.getTimerCount();
    await advance(10 * 60_000);
    // Still one push in flight: the watchdog neither retries under it nor piles up its checks.
    expect(server.at('push')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(timers);
    answer();
    await advance(5_000);
    expect(engine.getStatus()).toMatchObject({ pending: 0, stalled: false, syncing: false });
    const flips = seen.map((s) => s.stalled).filter((s, i, all) => i === 0 || s !== all[i - 1]);
    expect(flips).toEqual([false, true, false]);
  });

  it('gives a queue stuck behind failures a fresh attempt once it stalls', async () => {
    const { server, api } = fakeServer();
    server.pushAnswer = down;
    await checkIn('p1');
    const { engine, seen } = startEngine(api, { random: () => 1 });
    await advance(64_000);
    // 1 + 2 + 4 + 8 + 16 + 32 s: the next retry waits a full minute, until about two minutes in.
    expect(schedule(server.at('push'), seen).waits).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000,
    ]);
    expect(engine.getStatus().stalled).toBe(false); // the watchdog at 60 s: a minute, not more
    const pushes = server.at('push').length;
    await advance(1_500); // the watchdog at 65 s finds no progress for over a minute
    expect(engine.getStatus().stalled).toBe(true);
    expect(server.at('push')).toHaveLength(pushes + 1);
  });

  it.each(['device_revoked', 'protocol_unsupported', 'unauthorized', 'session_too_old'])(
    'stops retrying once the server refuses the login (%s), until a new login',
    async (code) => {
      const { server, api } = fakeServer();
      server.pushAnswer = refused(code);
      await checkIn('p1');
      const { engine } = startEngine(api, { timerMs: 30_000, EventSourceImpl: asEventSource() });
      await advance(0);
      expect(engine.getStatus()).toMatchObject({ blockedCode: code, pushRefused: true });
      FakeEventSource.opened[0]?.onerror?.();
      await advance(10 * 60_000); // timers, the watchdog, the stream: none of them retries
      expect(server.calls).toEqual([{ op: 'push', at: T0, changes: 1 }]);
      expect(engine.getStatus()).toMatchObject({ stalled: false, nextRetryAt: null, pending: 1 });
      expect(FakeEventSource.opened.filter((es) => !es.closed)).toHaveLength(0);
      server.pushAnswer = null;
      engine.unblock();
      await advance(0);
      expect(engine.getStatus()).toMatchObject({ blocked: null, pending: 0 });
    },
  );

  it('reopens the event stream ten seconds after an error, with a fresh URL', async () => {
    const { server, api } = fakeServer();
    startEngine(api, { EventSourceImpl: asEventSource() });
    await advance(0);
    expect(FakeEventSource.opened.map((es) => es.url)).toEqual(['http://stream.test/1']);
    for (const n of [2, 3]) {
      FakeEventSource.opened.at(-1)?.onerror?.();
      await advance(9_999);
      expect(FakeEventSource.opened).toHaveLength(n - 1);
      await advance(1);
      expect(FakeEventSource.opened.map((es) => es.closed)).toEqual([
        ...Array<boolean>(n - 1).fill(true),
        false,
      ]);
      expect(FakeEventSource.opened.at(-1)?.url).toBe(`http://stream.test/${n}`);
    }
    // A change announced on the stream is pulled after a short debounce.
    const pulls = server.at('pull').length;
    FakeEventSource.opened.at(-1)?.emit('changed');
    FakeEventSource.opened.at(-1)?.emit('changed');
    await advance(199);
    expect(server.at('pull')).toHaveLength(pulls);
    await advance(1);
    expect(server.at('pull')).toHaveLength(pulls + 1);
  });
});

/**
 * The waits the engine announced (nextRetryAt) after each failed call, checking that every retry
 * came when announced: a retry passes the 0 ms debounce, which a fake timer's callback counts as
 * 1 ms.
 */
function schedule(at: number[], seen: SyncStatus[]) {
  const retryAt = [
    ...new Set(seen.flatMap((s) => (s.nextRetryAt === null ? [] : [s.nextRetryAt]))),
  ];
  const calledAfter = retryAt.flatMap((t, i) => (i + 1 < at.length ? [(at[i + 1] ?? 0) - t] : []));
  expect(calledAfter.every((ms) => ms === 1)).toBe(true);
  return { at, waits: retryAt.map((t, i) => t - (at[i] ?? 0)) };
}

const asEventSource = () => FakeEventSource as unknown as typeof EventSource;
