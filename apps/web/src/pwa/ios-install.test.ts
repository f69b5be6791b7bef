import { describe, expect, it } from 'vitest';
import { needsIosInstallHint } from './ios-install.ts';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

describe('the iOS install hint', () => {
  it('shows on an iPhone and on an iPad that says it is a Mac, in the browser only', () => {
    expect(needsIosInstallHint({ userAgent: IPHONE, maxTouchPoints: 5 }, false)).toBe(true);
    expect(needsIosInstallHint({ userAgent: MAC, maxTouchPoints: 5 }, false)).toBe(true);
    expect(
      needsIosInstallHint({ userAgent: IPHONE, maxTouchPoints: 5, standalone: true }, false),
    ).toBe(false);
    expect(needsIosInstallHint({ userAgent: IPHONE, maxTouchPoints: 5 }, true)).toBe(false);
  });
  it('does not show on a Mac or on Android (Chrome offers its own install prompt)', () => {
    expect(needsIosInstallHint({ userAgent: MAC, maxTouchPoints: 0 }, false)).toBe(false);
    expect(needsIosInstallHint({ userAgent: ANDROID, maxTouchPoints: 5 }, false)).toBe(false);
  });
});
