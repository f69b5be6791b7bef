import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7, uuidv7Time } from './ids.ts';

describe('uuidv7', () => {
  it('encodes the time, the version and the variant', () => {
    const id = uuidv7(1_732_345_678_901);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(uuidv7Time(id)).toBe(1_732_345_678_901);
  });

  it('sorts by creation time', () => {
    const ids = [3, 1, 2].map((n) => uuidv7(1_700_000_000_000 + n * 1000));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('does not repeat', () => {
    const set = new Set(Array.from({ length: 1000 }, () => uuidv7(5)));
    expect(set.size).toBe(1000);
  });

  it('spells the given bytes in order, as hex with dashes', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);
    expect(uuidv7(1_732_345_678_901, bytes)).toBe('019357d9-4c35-790e-b358-7da2c7ec1136');
  });

  it('draws fresh random bytes for every id, across many batches of its random pool', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(5));
    expect(new Set(ids).size).toBe(5000);
    // Every random hex digit position varies: no byte is stuck at one value between ids.
    for (const i of [15, 16, 17, 20, 25, 30, 35])
      expect(new Set(ids.map((id) => id[i])).size).toBeGreaterThan(8);
    expect(ids.every(isUuid)).toBe(true);
  });
});
