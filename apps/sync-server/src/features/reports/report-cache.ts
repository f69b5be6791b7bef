// A short-lived in-memory cache of report results, per organization and query. An organization's
// entries are dropped as soon as the notifier says something of theirs changed (a push, a
// resolution, a roster edit, an approved excuse); otherwise an entry lives `ttlMs`. On PostgreSQL
// the notice arrives through LISTEN/NOTIFY, so every server process drops its own copy.
import type { Clock } from '../../lib/clock.ts';
import type { Notifier } from '../sync/notifier.ts';

interface Entry {
  org: string;
  at: number;
  value: Promise<unknown>;
}

export interface ReportCache {
  /** The cached value, or `compute()` stored for next time; `fresh` skips the lookup (not the store). */
  get<T>(
    org: string,
    key: string,
    compute: () => Promise<T>,
    fresh?: boolean,
  ): Promise<{ value: T; hit: boolean }>;
  invalidate(org: string): void;
  close(): void;
}

export function reportCache(
  notifier: Notifier,
  clock: Clock,
  opts: { ttlMs?: number; maxEntries?: number } = {},
): ReportCache {
  const ttlMs = opts.ttlMs ?? 30_000;
  const maxEntries = opts.maxEntries ?? 500;
  const entries = new Map<string, Entry>();
  const subscriptions = new Map<string, () => void>();

  const invalidate = (org: string) => {
    for (const [key, e] of entries) if (e.org === org) entries.delete(key);
  };
  const watch = (org: string) => {
    if (!subscriptions.has(org))
      subscriptions.set(
        org,
        notifier.subscribe(org, () => invalidate(org)),
      );
  };

  return {
    async get<T>(org: string, key: string, compute: () => Promise<T>, fresh = false) {
      const id = `${org}\u0000${key}`;
      const found = entries.get(id);
      if (!fresh && found && clock.now() - found.at < ttlMs)
        return { value: (await found.value) as T, hit: true };
      watch(org);
      const value = compute();
      entries.delete(id); // re-inserted last, so the oldest entry is always first
      entries.set(id, { org, at: clock.now(), value });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      // A failed computation is not remembered; only this caller sees the error.
      value.catch(() => entries.get(id)?.value === value && entries.delete(id));
      return { value: await value, hit: false };
    },
    invalidate,
    close() {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
      entries.clear();
    },
  };
}
