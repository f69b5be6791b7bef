// UUIDv7s for the rows one push writes (records, audit entries, rejections). Their random bits are
// drawn for many ids at once: one getRandomValues call per id was ~6% of a 200-change push here.
import { uuidv7 } from '@rollcall/shared';

const IDS_PER_DRAW = 256;

/** Hands out ids stamped `nowMs`, each with its own 16 fresh random bytes (uuidv7 sets the rest). */
export function batchIds(nowMs: number) {
  let pool = new Uint8Array(0);
  let at = 0;
  return () => {
    if (at === pool.length) {
      pool = crypto.getRandomValues(new Uint8Array(16 * IDS_PER_DRAW));
      at = 0;
    }
    at += 16;
    return uuidv7(nowMs, pool.subarray(at - 16, at));
  };
}
