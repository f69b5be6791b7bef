// Preloaded into a sync server process (`--import`) to run it a day in the past: `Date.now()` and
// `new Date()` read 24 hours behind the real clock. The system clock is a boundary the project does
// not own, so a spec may shift it for a whole process (demo-next-day.spec.ts seeds the demo
// "yesterday" this way, then restarts the server on the real clock).
const DAY_MS = 24 * 3600_000;
const RealDate = globalThis.Date;

class Yesterday extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() - DAY_MS);
    else super(...(args as [string | number | Date]));
  }

  static override now() {
    return RealDate.now() - DAY_MS;
  }
}

globalThis.Date = Yesterday as DateConstructor;
