// The sync engine: framework-free, one instance per tab, one writer per device (Web Locks).
// Triggers: a new scan (debounced), `online`, the tab becoming visible, start, a timer, the
// server's event stream. Failures back off with jitter up to a minute; a watchdog calls out a
// queue that stopped moving instead of letting it stall silently.
import { countConflicts, type RollcallDb } from '../db/db.ts';
import { ApiError, type Api } from './api.ts';
import { applyPullPage } from './apply-pull.ts';
import { SYNC_LOCK } from './background-sync.ts';
import { countNotCounting } from './not-counting.ts';
import { pushOutbox } from './push-outbox.ts';
import {
  backoffMs,
  initialStatus,
  SERVER_UNREACHABLE,
  STALL_AFTER_MS,
  type SyncStatus,
} from './status.ts';

export interface EngineDeps {
  db: RollcallDb;
  api: Api;
  appVersion: string;
  now?: () => number;
  random?: () => number;
  isOnline?: () => boolean;
  /** navigator.locks where available; without it this tab is the only writer. */
  locks?: Pick<LockManager, 'request'> | null;
  EventSourceImpl?: typeof EventSource | null;
  timerMs?: number;
  pullLimit?: number;
  /** Asks the browser to wake the service worker when the network returns (Background Sync). */
  requestBackgroundSync?: () => Promise<unknown>;
}

const BLOCKING = new Set([
  'protocol_unsupported', // retrying cannot help: the app (or the server) must be updated
  'device_revoked',
  'refresh_reused', // the device was signed out: a retired refresh token came back
  'session_too_old',
  'user_deactivated',
  'assignment_revoked',
  'assignment_expired',
  'unauthorized',
  'forbidden',
]);
// A revoked or expired temporary usher may still push what was recorded in time (the server
// judges each change): the roster is closed to them, the push is not.
const PUSH_ONLY = new Set(['assignment_revoked', 'assignment_expired']);

export class SyncEngine {
  private status: SyncStatus;
  private listeners = new Set<(s: SyncStatus) => void>();
  private timers: ReturnType<typeof setTimeout>[] = [];
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private lastProgressAt: number;
  private stream: EventSource | null = null;
  private counting: Promise<void> | null = null;
  private recount: Promise<void> | null = null;
  private watchdogTimer: ReturnType<typeof setTimeout> | null = null;
  private detach: (() => void)[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.status = initialStatus(this.online());
    this.lastProgressAt = this.now();
  }

  private online() {
    return this.deps.isOnline
      ? this.deps.isOnline()
      : typeof navigator === 'undefined' || navigator.onLine;
  }

  subscribe(fn: (s: SyncStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.status);
    return () => this.listeners.delete(fn);
  }

  getStatus() {
    return this.status;
  }

  private set(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    for (const fn of this.listeners) fn(this.status);
  }

  /** Starts the triggers. Returns a stop function. */
  start(): () => void {
    const onOnline = () => {
      this.set({ online: true });
      this.request('online');
    };
    const onOffline = () => this.set({ online: false });
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.request('visible');
      // Leaving (hidden, maybe closing) with changes queued: hand them to the service worker.
      else if (this.status.pending > 0) this.wakeWorkerLater();
    };
    if (typeof window !== 'undefined') {
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      document.addEventListener('visibilitychange', onVisible);
      this.detach.push(() => {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        document.removeEventListener('visibilitychange', onVisible);
      });
    }
    this.timers.push(setInterval(() => this.request('timer'), this.deps.timerMs ?? 30_000));
    this.scheduleWatchdog();
    void this.openStream();
    void this.refreshCounts();
    this.request('start');
    return () => this.stop();
  }

  stop() {
    for (const t of this.timers) clearInterval(t);
    if (this.debounce) clearTimeout(this.debounce);
    if (this.retry) clearTimeout(this.retry);
    if (this.watchdogTimer) clearTimeout(this.watchdogTimer);
    this.watchdogTimer = null;
    this.stream?.close();
    for (const d of this.detach) d();
    this.timers = [];
    this.detach = [];
  }

  /** Asks for a sync soon; repeated asks within the delay collapse into one. */
  request(_reason: string, delayMs = 0) {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.syncNow(), delayMs);
  }

  /** Scans call this: the outbox grew. */
  noteLocalChange() {
    void this.refreshCounts();
    // Offline, the tab may be closed before the network returns: leave the push to the worker too.
    if (!this.online()) this.wakeWorkerLater();
    this.request('scan', 300);
  }

  private wakeWorkerLater() {
    this.deps.requestBackgroundSync?.().catch(() => {});
  }

  async syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runExclusive().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.request('again');
      }
    });
    return this.running;
  }

  private async runExclusive() {
    const locks =
      this.deps.locks === undefined
        ? typeof navigator !== 'undefined'
          ? navigator.locks
          : null
        : this.deps.locks;
    if (!locks) return this.cycle();
    // ifAvailable: another tab holding the lock is already syncing this device's outbox.
    await locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) =>
      lock ? this.cycle() : undefined,
    );
  }

  private async cycle() {
    const blockedBy = this.status.blockedCode;
    if (this.status.blocked && !(blockedBy && PUSH_ONLY.has(blockedBy))) return;
    this.set({ syncing: true });
    let phase: 'push' | 'pull' = 'push';
    try {
      const settled = await pushOutbox(this.deps.db, this.deps.api, this.deps.appVersion);
      if (settled > 0) this.set({ lastPushAt: this.now() });
      if (this.status.pushRefused) this.set({ pushRefused: false });
      phase = 'pull';
      // Blocked for pull: "Retry now" still pushes what is left; the refusal stays on screen.
      if (this.status.blocked) return;
      await this.pullAll();
      this.failures = 0;
      this.lastProgressAt = this.now();
      // A sync that got through says the server was reachable, not that it still is: a phone that
      // went offline while the answer was on its way shows offline (the browser knows that much).
      this.set({ online: this.online(), lastError: null, stalled: false, nextRetryAt: null });
    } catch (e) {
      this.fail(e, phase);
    } finally {
      this.set({ syncing: false });
      await this.refreshCounts();
    }
  }

  private async pullAll() {
    const limit = this.deps.pullLimit ?? 5000;
    const cursor = (await this.deps.db.meta.get('cursor'))?.value as string | undefined;
    let next = this.deps.api.pull(cursor, limit);
    // A first sync (or one the server reset) writes what it pulls without reading it first.
    let fresh = cursor === undefined;
    for (let page = 0; page < 10_000; page++) {
      const res = await next;
      fresh ||= res.reset;
      // The next page travels while this one is written: its cursor is in this answer, and the
      // pages are still written one after another, each with its own cursor in one transaction.
      if (res.hasMore) {
        next = this.deps.api.pull(res.cursor, limit);
        next.catch(() => {}); // awaited on the next turn; this only silences an early rejection
      }
      await applyPullPage(this.deps.db, res, { fresh });
      if (!res.hasMore) break;
    }
    // Kept on the device: after a reload offline, "last synced" is still true, not "never".
    const at = this.now();
    await this.deps.db.meta.put({ key: 'lastPullAt', value: at });
    this.set({ lastPullAt: at });
  }

  private fail(e: unknown, phase: 'push' | 'pull') {
    const err =
      e instanceof ApiError
        ? e
        : new ApiError(0, 'error', e instanceof Error ? e.message : String(e));
    if (!err.transient && BLOCKING.has(err.code)) {
      this.set({
        blocked: err.message,
        blockedCode: err.code,
        lastError: err.message,
        pushRefused: phase === 'push',
      });
      return;
    }
    this.failures += 1;
    if (this.status.pending > 0) this.wakeWorkerLater();
    const wait = backoffMs(this.failures, (this.deps.random ?? Math.random)(), err.retryAfterMs);
    this.set({
      lastError: err.status === 0 ? SERVER_UNREACHABLE : err.message,
      online: this.online(),
      nextRetryAt: this.now() + wait,
    });
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => this.request('retry'), wait);
  }

  /**
   * Re-reads the queue's counts. Calls while a count runs share ONE follow-up count (it starts
   * after the running one, so it sees every write made before the call): a burst of scans, the
   * watchdog and the sync loop never stack up reads of the store.
   */
  refreshCounts(): Promise<void> {
    if (!this.counting) {
      this.counting = this.countOnce().finally(() => (this.counting = null));
      return this.counting;
    }
    this.recount ??= this.counting
      .catch(() => {})
      .then(() => {
        this.recount = null;
        return this.refreshCounts();
      });
    return this.recount;
  }

  private async countOnce() {
    const db = this.deps.db;
    const [pending, rejected, oldest, conflicts, notCounting, lastPull] = await Promise.all([
      db.outbox.where('status').equals('pending').count(),
      db.outbox.where('status').equals('rejected').count(),
      db.outbox.where('status').equals('pending').first(),
      countConflicts(db),
      countNotCounting(db, this.status.pushRefused),
      db.meta.get('lastPullAt'),
    ]);
    if (pending === 0) this.lastProgressAt = this.now();
    this.set({
      pending,
      rejected,
      conflicts,
      notCounting,
      oldestPendingAt: oldest?.queuedAt ?? null,
      lastPullAt: this.status.lastPullAt ?? (lastPull?.value as number | undefined) ?? null,
    });
  }

  // The next check is timed from the end of this one, so a slow check never overlaps the next.
  private scheduleWatchdog() {
    const timer = setTimeout(() => {
      void this.watchdog()
        .catch(() => {})
        .finally(() => {
          if (this.watchdogTimer === timer) this.scheduleWatchdog(); // not stopped meanwhile
        });
    }, 5_000);
    this.watchdogTimer = timer;
  }

  private async watchdog() {
    await this.refreshCounts();
    // A refused login is not a stall: the refusal is on screen and retrying will not help.
    const stuck =
      !this.status.blocked &&
      this.status.pending > 0 &&
      this.online() &&
      this.now() - this.lastProgressAt > STALL_AFTER_MS;
    if (stuck !== this.status.stalled) this.set({ stalled: stuck });
    // A stalled queue gets a fresh attempt rather than waiting out a long backoff.
    if (stuck && !this.running && !this.status.blocked) this.request('watchdog');
  }

  private async openStream() {
    const ES =
      this.deps.EventSourceImpl === undefined
        ? typeof EventSource !== 'undefined'
          ? EventSource
          : null
        : this.deps.EventSourceImpl;
    if (!ES || this.status.blocked) return;
    const url = await this.deps.api.streamUrl();
    if (!url) return;
    this.stream?.close();
    const es = new ES(url);
    this.stream = es;
    es.addEventListener('changed', () => this.request('stream', 200));
    es.addEventListener('hello', () => this.request('stream-open', 200));
    // A rotated token makes the old URL useless: reopen with fresh credentials after a pause.
    // A login the server refuses (a revoked assignment) would only be refused again.
    es.onerror = () => {
      es.close();
      if (this.stream === es && !this.status.blocked)
        this.timers.push(setTimeout(() => void this.openStream(), 10_000));
    };
  }

  /** After a new login: clear the refusal and start again. */
  unblock() {
    this.set({ blocked: null, blockedCode: null, lastError: null, pushRefused: false });
    this.request('unblock');
  }
}
