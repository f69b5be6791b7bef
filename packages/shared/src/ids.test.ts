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
});
