import { describe, expect, it } from 'vitest';
import { defaultDeviceName, deviceKind } from './device-name.ts';

const UA = {
  pixel:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  tab: 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  ipad: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
};

describe('device names', () => {
  it('says what the device is instead of the user-agent string', () => {
    expect(deviceKind(UA.pixel)).toBe('Android phone');
    expect(deviceKind(UA.tab)).toBe('Android tablet');
    expect(deviceKind(UA.ipad)).toBe('iPad');
    expect(deviceKind(UA.iphone)).toBe('iPhone');
    expect(deviceKind(UA.windows)).toBe('Windows computer');
  });

  it("uses the user's first name when it is known", () => {
    expect(defaultDeviceName(UA.pixel, 'Ana Usher')).toBe("Ana's Android phone");
    expect(defaultDeviceName(UA.ipad)).toBe('iPad');
  });
});
