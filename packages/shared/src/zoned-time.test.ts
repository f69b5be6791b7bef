import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatLocalMinute,
  isTimeZoneName,
  localDateOf,
  localDayAround,
  weekdayOf,
  zonedInstant,
} from './zoned-time.ts';

const LA = 'America/Los_Angeles';

describe('zoned time', () => {
  it('reads a Saturday 7 pm in Los Angeles as Saturday, though it is Sunday in UTC', () => {
    const at = Date.parse('2026-03-08T03:00:00Z'); // Sat 7 Mar, 19:00 PST
    expect(localDateOf(at, LA)).toEqual([2026, 3, 7]);
    expect(weekdayOf(localDateOf(at, LA))).toBe(6);
    expect(formatLocalMinute(at, LA)).toBe('2026-03-07 19:00');
    expect(zonedInstant([2026, 3, 7], [19, 0], LA)).toBe(at);
  });

  it('has 23 and 25 hour days at the DST changes', () => {
    const spring = localDayAround(Date.parse('2026-03-08T20:00:00Z'), LA);
    expect((spring.end - spring.start) / 3600_000).toBe(23);
    const fall = localDayAround(Date.parse('2026-11-01T20:00:00Z'), LA);
    expect((fall.end - fall.start) / 3600_000).toBe(25);
    expect(new Date(fall.start).toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('steps calendar days across month and year ends', () => {
    expect(addDays([2026, 12, 30], 3)).toEqual([2027, 1, 2]);
    expect(addDays([2026, 3, 1], -1)).toEqual([2026, 2, 28]);
  });

  it('accepts IANA names and refuses anything else', () => {
    for (const z of ['UTC', LA, 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires'])
      expect(isTimeZoneName(z), z).toBe(true);
    for (const z of ['', 'Mars/Olympus', 'PST8PDT; drop', '+05:00', 'Europe/'])
      expect(isTimeZoneName(z), z).toBe(false);
  });
});

describe('the cached wall clock', () => {
  it('agrees with Intl at every quarter hour and in between, through both 2026 DST changes', () => {
    const check = new Intl.DateTimeFormat('en-US', {
      timeZone: LA,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const intl = (ms: number) => {
      const p = Object.fromEntries(check.formatToParts(ms).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    for (const day of ['2026-03-08T06:00:00Z', '2026-11-01T06:00:00Z', '2026-06-01T06:00:00Z'])
      for (let ms = Date.parse(day); ms < Date.parse(day) + 6 * 3600_000; ms += 7 * 60_000)
        expect(formatLocalMinute(ms, LA), new Date(ms).toISOString()).toBe(intl(ms));
  });
});
