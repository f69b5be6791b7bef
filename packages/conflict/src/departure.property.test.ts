// The departure rule is a join: any order, any duplication, any split into pushes ends in the same
// departure, and that departure is the latest recorded (by stamp), never lost to arrival order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departureMs, mergeDeparture, type Departure } from './departure.ts';

/** 1–8 departures from up to 4 devices; stamps may tie on time (the device then breaks the tie). */
const departures = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: 3 }),
      ms: fc.integer({ min: 0, max: 50 }),
      counter: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((xs) =>
    xs.map((x, i): Departure => ({
      changeId: `c${i}`,
      deviceId: `d${x.device}`,
      userId: `u${x.device}`,
      hlc: `${String(1_700_000_000_000 + x.ms).padStart(15, '0')}-${String(x.counter).padStart(5, '0')}-d${x.device}`,
    })),
  );

const fold = (xs: Departure[], start: Departure | null = null) =>
  xs.reduce<Departure | null>((d, x) => mergeDeparture(d, x).next, start);

const shuffled = departures.chain((xs) =>
  fc.tuple(
    fc.constant(xs),
    fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
  ),
);

describe('departure rule', () => {
  it('is deterministic: the same departures in the same order give the same result', () => {
    fc.assert(
      fc.property(departures, (xs) => {
        expect(fold(xs)).toEqual(fold(xs.map((x) => ({ ...x }))));
      }),
    );
  });

  it('is independent of order', () => {
    fc.assert(
      fc.property(shuffled, ([xs, ys]) => {
        expect(fold(ys)).toEqual(fold(xs));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: a replayed departure (or a whole replayed push) changes nothing', () => {
    fc.assert(
      fc.property(departures, fc.nat(), (xs, cut) => {
        const once = fold(xs);
        expect(fold(xs, once)).toEqual(once);
        const prefix = xs.slice(0, cut % (xs.length + 1));
        expect(fold([...prefix, ...xs])).toEqual(once);
        for (const x of xs) expect(mergeDeparture(once, x).next).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the latest departure, whichever device recorded it and however pushes split', () => {
    fc.assert(
      fc.property(departures, fc.nat(), (xs, cut) => {
        const latest = [...xs].sort((a, b) =>
          a.hlc === b.hlc
            ? a.deviceId === b.deviceId
              ? a.changeId.localeCompare(b.changeId)
              : a.deviceId.localeCompare(b.deviceId)
            : a.hlc.localeCompare(b.hlc),
        )[xs.length - 1];
        const at = cut % (xs.length + 1);
        // Two pushes: the server's state after the first is where the second starts.
        expect(fold(xs.slice(at), fold(xs.slice(0, at)))).toEqual(latest);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeDeparture', () => {
  const at = (ms: number, device: string, changeId = `${device}-${ms}`): Departure => ({
    changeId,
    deviceId: device,
    userId: 'u',
    hlc: `${String(ms).padStart(15, '0')}-00000-${device}`,
  });

  it('applies the first departure and a later one; an earlier one is merged into the later', () => {
    const first = mergeDeparture(null, at(1_000, 'a'));
    expect(first.outcome).toBe('applied');
    const later = mergeDeparture(first.next, at(2_000, 'b'));
    expect(later).toEqual({ next: at(2_000, 'b'), outcome: 'applied' });
    expect(mergeDeparture(later.next, at(1_500, 'a'))).toEqual({
      next: at(2_000, 'b'),
      outcome: 'merged',
    });
  });

  it('reads the time left from the stamp', () => {
    expect(departureMs(at(1_764_585_720_000, 'a'))).toBe(1_764_585_720_000);
  });
});
