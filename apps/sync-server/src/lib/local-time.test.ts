import { describe, expect, it } from 'vitest';
import { isTimeZone, localToInstant, parseLocalDate, parseLocalTime } from './local-time.ts';

const at = (d: string, t: string, tz: string) =>
  new Date(localToInstant(parseLocalDate(d)!, parseLocalTime(t)!, tz)).toISOString();

describe('local wall-clock times', () => {
  it('turns a wall time into the instant for the zone, in and out of summer time', () => {
    expect(at('2025-01-12', '09:30', 'Europe/Berlin')).toBe('2025-01-12T08:30:00.000Z');
    expect(at('2025-07-13', '09:30', 'Europe/Berlin')).toBe('2025-07-13T07:30:00.000Z');
    expect(at('2025-03-02', '18:00', 'America/New_York')).toBe('2025-03-02T23:00:00.000Z');
    expect(at('2025-03-02', '09:00', 'Africa/Accra')).toBe('2025-03-02T09:00:00.000Z');
    expect(at('2025-03-02', '09:00', 'Asia/Kolkata')).toBe('2025-03-02T03:30:00.000Z');
  });

  it('maps a skipped time past the jump and a repeated time to its first occurrence', () => {
    // Berlin: 02:00 → 03:00 on 2025-03-30; 03:00 → 02:00 on 2025-10-26.
    expect(at('2025-03-30', '02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
    expect(at('2025-10-26', '02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z');
  });

  it('rejects impossible dates, times and zones', () => {
    expect(parseLocalDate('2025-02-29')).toBeNull();
    expect(parseLocalDate('2024-02-29')).toEqual([2024, 2, 29]);
    expect(parseLocalDate('02/03/2025')).toBeNull();
    expect(parseLocalTime('24:00')).toBeNull();
    expect(parseLocalTime('9:05')).toEqual([9, 5]);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
