import { formatBadgePayload } from '@rollcall/shared';
import { describe, expect, it } from 'vitest';
import { isScan, looksLikeCode } from './use-keyboard-wedge.ts';

describe('looksLikeCode', () => {
  it('knows badges, personal codes and keys, and not names', () => {
    expect(looksLikeCode(formatBadgePayload('org-1', 'tok'))).toBe(true);
    expect(looksLikeCode('12345')).toBe(true);
    expect(looksLikeCode('24-001')).toBe(true);
    expect(looksLikeCode('Mensah')).toBe(false);
    expect(looksLikeCode('Ama 2')).toBe(false);
  });
});

describe('isScan', () => {
  it('takes any burst of four keys or more outside a field', () => {
    expect(isScan('ABCD', 90, false)).toBe(true);
    expect(isScan('ABC', 5, false)).toBe(false);
  });

  it('in a field, takes a code, or anything typed faster than a person can', () => {
    expect(isScan('24-001', 100, true)).toBe(true);
    expect(isScan('Mensah', 100, true)).toBe(false);
    expect(isScan('Mensah', 10, true)).toBe(true);
    expect(isScan('Kofi', 10, true)).toBe(false);
  });
});
