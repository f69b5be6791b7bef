import { describe, expect, it } from 'vitest';
import { pinWaitLeft, pinWaitMs } from './pin-delay.ts';

describe('the wait after a wrong station PIN', () => {
  it('is none before a mistake, then doubles with each one, up to a minute', () => {
    expect([0, 1, 2, 3, 4].map(pinWaitMs)).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(pinWaitMs(7)).toBe(60_000);
    expect(pinWaitMs(1000)).toBe(60_000);
  });

  it('counts from the last wrong PIN', () => {
    const f = { count: 3, lastAt: 10_000 };
    expect(pinWaitLeft(f, 10_000)).toBe(4000);
    expect(pinWaitLeft(f, 13_500)).toBe(500);
    expect(pinWaitLeft(f, 20_000)).toBe(0);
    expect(pinWaitLeft(undefined, 0)).toBe(0);
  });
});
