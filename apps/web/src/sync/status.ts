// What the usher always sees about sync, as plain data.
export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  pending: number;
  oldestPendingAt: number | null;
  rejected: number;
  conflicts: number;
  lastPushAt: number | null;
  lastPullAt: number | null;
  lastError: string | null;
  /** Changes are pending, the device is online, and nothing went through for a minute. */
  stalled: boolean;
  /** The server refuses this login (device revoked, assignment revoked…): say why, stop retrying. */
  blocked: string | null;
  /** The server's code for the refusal, so screens can react (a revoked assignment stops check-ins). */
  blockedCode: string | null;
  /** The server refused this login's push itself (not only pull): nothing pending can arrive. */
  pushRefused: boolean;
  /** Check-ins that will never count (see not-counting.ts): the usher is told and can export them. */
  notCounting: number;
  nextRetryAt: number | null;
}

export const initialStatus = (online: boolean): SyncStatus => ({
  online,
  syncing: false,
  pending: 0,
  oldestPendingAt: null,
  rejected: 0,
  conflicts: 0,
  lastPushAt: null,
  lastPullAt: null,
  lastError: null,
  stalled: false,
  blocked: null,
  blockedCode: null,
  pushRefused: false,
  notCounting: 0,
  nextRetryAt: null,
});

/** `lastError` when the network or the server is down: the status bar words it in the usher's language. */
export const SERVER_UNREACHABLE = 'Server unreachable';

export const STALL_AFTER_MS = 60_000;
export const MAX_BACKOFF_MS = 60_000;

/** Exponential backoff with jitter, capped at a minute, never sooner than the server asked. */
export function backoffMs(failures: number, random: number, retryAfterMs: number | null): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
  const jittered = base * (0.5 + random / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}
