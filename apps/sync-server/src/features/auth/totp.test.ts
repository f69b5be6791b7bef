import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchingStep, otpauthUri, totpAt } from './totp.ts';

// RFC 6238 appendix B, SHA-1 rows: the 20-byte ASCII key "12345678901234567890", 8 digits.
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_6238: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(RFC_6238)('matches RFC 6238 at T=%i', (seconds, code) => {
    expect(totpAt(RFC_KEY, seconds * 1000, 8)).toBe(code);
  });

  it('matches RFC 4226 appendix D (HOTP, 6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314'];
    expect([0, 1, 2, 3, 4].map((c) => hotp(RFC_KEY, c))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648 vectors) and reads what people type', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi==').toString()).toBe('foobar');
    const secret = base32Encode(RFC_KEY);
    expect(base32Decode(secret)).toEqual(RFC_KEY);
    expect(() => base32Decode('AB1')).toThrow(/base32/);
  });

  it('accepts the codes of one step either side of now, and no further', () => {
    const secret = base32Encode(RFC_KEY);
    const now = 1111111111_000;
    const step = Math.floor(now / 30_000);
    for (const d of [-1, 0, 1])
      expect(matchingStep(secret, hotp(RFC_KEY, step + d), now)).toBe(step + d);
    for (const d of [-2, 2]) expect(matchingStep(secret, hotp(RFC_KEY, step + d), now)).toBeNull();
    expect(matchingStep(secret, 'abcdef', now)).toBeNull();
  });

  it('writes an otpauth:// URI authenticator apps read', () => {
    const uri = new URL(otpauthUri('MZXW6YTBOI', 'ann@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.href).toMatch(/^otpauth:\/\/totp\/Rollcall%3Aann%40example\.org\?/);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret: 'MZXW6YTBOI',
      issuer: 'Rollcall',
      digits: '6',
      period: '30',
    });
  });
});
