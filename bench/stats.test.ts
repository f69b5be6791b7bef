import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats.ts';

describe('stats', () => {
  it('takes the nearest-rank percentile', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(median(xs)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile([7], 99)).toBe(7);
  });
  it('refuses an empty sample', () => expect(() => median([])).toThrow());
});
