import { describe, expect, it } from 'vitest';
import { localParts, weeklyOccurrences } from './occurrences.ts';

describe('weekly occurrences', () => {
  it("repeats the same weekday and time in the organization's zone, across its DST change", () => {
    // Los Angeles moves to DST on 8 March 2026; the device (TZ in vitest.config.ts) is in Sydney.
    const o = weeklyOccurrences('2026-03-01', '09:00', '10:30', 3, 'America/Los_Angeles');
    expect(o.map((x) => x.scheduledStart)).toEqual([
      '2026-03-01T17:00:00.000Z',
      '2026-03-08T16:00:00.000Z',
      '2026-03-15T16:00:00.000Z',
    ]);
    for (const x of o)
      expect(Date.parse(x.scheduledEnd) - Date.parse(x.scheduledStart)).toBe(90 * 60_000);
  });
});

describe('local parts of an instant', () => {
  it("round-trips through a one-week occurrence in the organization's zone (the edit form)", () => {
    const zone = 'America/Los_Angeles'; // the DST change of 1 November 2026, the device in Sydney
    const [o] = weeklyOccurrences('2026-11-01', '19:05', '20:00', 1, zone);
    const start = localParts(o?.scheduledStart ?? '', zone);
    expect(start).toEqual({ date: '2026-11-01', time: '19:05' });
    expect(localParts(o?.scheduledEnd ?? '', zone).time).toBe('20:00');
  });
});
