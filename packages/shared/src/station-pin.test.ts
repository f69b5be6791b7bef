import { describe, expect, it } from 'vitest';
import { checkStationPin, makeStationPinVerifier } from './station-pin.ts';

describe('station PIN verifier', () => {
  it('accepts the PIN it was made from and no other, and never holds the PIN', async () => {
    const v = await makeStationPinVerifier('4821', 1000);
    expect(JSON.stringify(v)).not.toContain('4821');
    expect(await checkStationPin('4821', v)).toBe(true);
    expect(await checkStationPin('4822', v)).toBe(false);
    expect(await checkStationPin('48210', v)).toBe(false);
  });

  it('salts each verifier, so two organizations with one PIN share no hash', async () => {
    const [a, b] = await Promise.all([
      makeStationPinVerifier('123456', 1000),
      makeStationPinVerifier('123456', 1000),
    ]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await checkStationPin('123456', b)).toBe(true);
  });
});
