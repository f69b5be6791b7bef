// After a wrong station PIN the next try waits, longer after each: one second, two, four… up to a
// minute. A guest poking at a kiosk gives up; a volunteer who mistyped once hardly notices.
const FIRST_MS = 1000;
const MAX_MS = 60_000;

/** How long after the last wrong PIN the next may be tried, given the wrong ones in a row. */
export function pinWaitMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_MS, FIRST_MS * 2 ** Math.min(failures - 1, 16));
}

/** Milliseconds still to wait at `now`, 0 when a PIN may be tried. */
export function pinWaitLeft(f: { count: number; lastAt: number } | undefined, now: number) {
  if (!f) return 0;
  return Math.max(0, f.lastAt + pinWaitMs(f.count) - now);
}
