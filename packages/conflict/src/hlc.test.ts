import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockOffsetMs,
  compareHlc,
  formatHlc,
  hlcReceive,
  hlcTick,
  parseHlc,
  type Hlc,
} from './hlc.ts';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    let h: Hlc | null = null;
    const stamps: string[] = [];
    for (const now of [1000, 2000, 1500, 1500, 900, 2500])
      stamps.push(formatHlc((h = hlcTick(h, now, 'dev'))));
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('orders a received stamp after both clocks', () => {
    const local = hlcTick(null, 1000, 'a');
    const remote: Hlc = { wallMs: 5000, counter: 3, nodeId: 'b' };
    const merged = hlcReceive(local, remote, 2000, 'a');
    expect(merged).toEqual({ wallMs: 5000, counter: 4, nodeId: 'a' });
    expect(compareHlc(formatHlc(merged), formatHlc(remote))).toBe(1);
  });

  it('round-trips through its text form and refuses malformed stamps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        (wallMs, counter, nodeId) => {
          expect(parseHlc(formatHlc({ wallMs, counter, nodeId }))).toEqual({
            wallMs,
            counter,
            nodeId,
          });
        },
      ),
    );
    for (const bad of [
      '',
      '1-2-3',
      '000000000000001-00000-',
      '000000000000001-0000-a',
      '000000000000001-00000-a b',
    ])
      expect(parseHlc(bad)).toBeNull();
  });

  it('sorts as text in the same order as its numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 0, max: 99_999 }),
        (a, b, c) => {
          const x = formatHlc({ wallMs: a, counter: c, nodeId: 'n' });
          const y = formatHlc({ wallMs: b, counter: c, nodeId: 'n' });
          expect(Math.sign(compareHlc(x, y))).toBe(Math.sign(a - b));
        },
      ),
    );
  });

  it('borrows a millisecond instead of overflowing the counter', () => {
    expect(hlcTick({ wallMs: 10, counter: 99_999, nodeId: 'n' }, 5, 'n')).toEqual({
      wallMs: 11,
      counter: 0,
      nodeId: 'n',
    });
  });
});

describe('clock offset from a request', () => {
  it('is off by at most half the round trip, whatever the device clock error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -7_200_000, max: 7_200_000 }), // the device clock's error
        fc.integer({ min: 0, max: 5_000 }), // request latency
        fc.integer({ min: 0, max: 5_000 }), // response latency
        fc.integer({ min: 1e12, max: 2e12 }), // true time at send
        (error, up, down, t0) => {
          const offset = clockOffsetMs(t0 + error, t0 + up + down + error, t0 + up);
          // Half the round trip, plus half a millisecond for rounding to whole milliseconds.
          expect(Math.abs(offset - -error)).toBeLessThanOrEqual((up + down) / 2 + 0.5);
        },
      ),
    );
  });
});
