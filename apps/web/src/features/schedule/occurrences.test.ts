import { describe, expect, it } from 'vitest';
import { localParts, weeklyOccurrences } from './occurrences.ts';

describe('weekly occurrences', () => {
  it('repeats the same local weekday and time, one week apart', () => {
    const o = weeklyOccurrences('2026-03-01', '09:00', '10:30', 3);
    expect(o).toHaveLength(3);
    for (const [i, x] of o.entries()) {
      const s = new Date(x.scheduledStart);
      expect([s.getDate(), s.getHours(), s.getMinutes()]).toEqual([[1, 8, 15][i], 9, 0]);
      expect(Date.parse(x.scheduledEnd) - Date.parse(x.scheduledStart)).toBe(90 * 60_000);
    }
  });
});

describe('local parts of an instant', () => {
  it('round-trips through a one-week occurrence (what the edit form sends back)', () => {
    const [o] = weeklyOccurrences('2026-11-01', '19:05', '20:00', 1);
    const start = localParts(o?.scheduledStart ?? '');
    expect(start).toEqual({ date: '2026-11-01', time: '19:05' });
    expect(localParts(o?.scheduledEnd ?? '').time).toBe('20:00');
  });
});
