// A read that follows the device's store, like useLiveQuery, but runs at most once per `everyMs`
// while writes keep coming. The usher's sessions list counts whole sessions (countSession over
// their records and members); during a pull every page of records is a write, and re-counting after
// each page made the first sync of a large organization several times slower (issue 14's bench:
// 117 s of a 128 s initial sync on the Today screen). The last write is always followed by a run,
// so the list ends up exact; it is only spared the counts in between. Even calm, the counts that
// still ran between pages cost the initial sync on Today ~30% (18 s against 14 s elsewhere): a
// `Hold` (the sync engine while it syncs) defers them to the end of the pull.
import { Dexie, type ObservabilitySet } from 'dexie';
import { startTransition, useEffect, useState, type DependencyList } from 'react';

/**
 * Something that asks reads to wait, e.g. the sync engine while it writes a pull's pages: a count
 * that runs between pages competes with their writes and is stale by the next page anyway.
 */
export interface Hold {
  held(): boolean;
  /** Calls `fn` whenever `held()` may have changed; returns an unsubscribe. */
  subscribe(fn: () => void): () => void;
}

export interface CalmOptions {
  /** The shortest time between two runs while writes keep coming (default 1 s). */
  everyMs?: number;
  /** While held, writes are counted when the hold ends, or after `heldMs` at the latest. */
  hold?: Hold;
  /** The longest a held write waits (default 30 s), so a stuck hold never freezes the answer. */
  heldMs?: number;
  /** Whether a write (the parts Dexie says it changed) can change the answer; by default all can. */
  touches?: (parts: ObservabilitySet) => boolean;
}

/**
 * Runs `query` now and after writes to the store, at most once per `everyMs` (or twice the last
 * run's time, if longer) counted from the end of the last run; while `hold` is held, only when it
 * ends (or after `heldMs`). The first run never waits. Returns a stop.
 */
export function followCalmly<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  { everyMs = 1000, hold, heldMs = 30_000, touches }: CalmOptions = {},
): () => void {
  let stopped = false;
  let running = false;
  // A write the last run may not have seen.
  let pending = false;
  let lastEnd = -Infinity;
  // A slow count waits longer: at most a third of the time goes to re-counting while writes come.
  let gap = everyMs;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = async () => {
    running = true;
    pending = false;
    const start = Date.now();
    try {
      const value = await query();
      if (!stopped) onValue(value);
    } finally {
      running = false;
      lastEnd = Date.now();
      gap = Math.max(everyMs, 2 * (lastEnd - start));
      kick();
    }
  };
  // Leading edge when calm, then one trailing run for whatever arrived meanwhile. The deadline
  // depends only on the last run's end and the hold, so a hold ending moves it earlier.
  const kick = () => {
    if (stopped || running || !pending) return;
    if (timer !== null) clearTimeout(timer);
    const after = hold?.held() ? Math.max(heldMs, gap) : gap;
    timer = setTimeout(
      () => {
        timer = null;
        void run();
      },
      Math.max(0, lastEnd + after - Date.now()),
    );
  };
  const onMutated = (parts: ObservabilitySet) => {
    if (touches && !touches(parts)) return;
    pending = true;
    kick();
  };

  Dexie.on('storagemutated', onMutated);
  const unhold = hold?.subscribe(kick);
  void run();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
    unhold?.();
  };
}

/**
 * `followCalmly` for a component: undefined until the first answer. Each answer renders as a
 * transition, in slices that yield to the page: the check-in screen's re-render after a scan held
 * the next scan's lookup and write behind it (issue 14's bench: p95 scan-to-commit about twice
 * its value with the screen away).
 */
export function useCalmQuery<T>(
  query: () => Promise<T>,
  deps: DependencyList,
  { everyMs = 1000, hold, heldMs, touches }: CalmOptions = {},
): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(
    () =>
      followCalmly(query, (v) => startTransition(() => setValue(v)), {
        everyMs,
        hold,
        heldMs,
        touches,
      }),
    [...deps, everyMs, hold, heldMs, touches],
  );
  return value;
}
