// A read that follows the device's store, like useLiveQuery, but runs at most once per `everyMs`
// while writes keep coming. The usher's sessions list counts whole sessions (countSession over
// their records and members); during a pull every page of records is a write, and re-counting after
// each page made the first sync of a large organization several times slower (issue 14's bench:
// 117 s of a 128 s initial sync on the Today screen). The last write is always followed by a run,
// so the list ends up exact; it is only spared the counts in between.
import { Dexie } from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';

/**
 * Runs `query` now and after writes to the store, at most once per `everyMs` (or twice the last
 * run's time, if longer) counted from the end of the last run; returns a stop.
 */
export function followCalmly<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  everyMs: number,
): () => void {
  let stopped = false;
  let running = false;
  let dirty = false;
  let lastEnd = -Infinity;
  // A slow count waits longer: at most a third of the time goes to re-counting while writes come.
  let gap = everyMs;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = async () => {
    running = true;
    dirty = false;
    const start = Date.now();
    try {
      const value = await query();
      if (!stopped) onValue(value);
    } finally {
      running = false;
      lastEnd = Date.now();
      gap = Math.max(everyMs, 2 * (lastEnd - start));
      if (dirty && !stopped) schedule();
    }
  };
  // Leading edge when calm, then one trailing run for whatever arrived meanwhile.
  const schedule = () => {
    if (running) {
      dirty = true;
      return;
    }
    if (timer !== null) return;
    const wait = Math.max(0, lastEnd + gap - Date.now());
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, wait);
  };
  const onMutated = () => schedule();

  Dexie.on('storagemutated', onMutated);
  void run();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}

/** `followCalmly` for a component: undefined until the first answer. */
export function useCalmQuery<T>(
  query: () => Promise<T>,
  deps: DependencyList,
  everyMs = 1000,
): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => followCalmly(query, setValue, everyMs), [...deps, everyMs]);
  return value;
}
