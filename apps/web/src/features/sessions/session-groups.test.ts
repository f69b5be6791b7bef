import { zonedInstant } from '@rollcall/shared';
import { describe, expect, it } from 'vitest';
import { groupSessions, listWindow } from './session-groups.ts';

// The organization is in Los Angeles; the device's own zone (Australia/Sydney under
// vitest.config.ts) plays no part. 7 March 2026 is the Saturday before DST starts.
const LA = 'America/Los_Angeles';
const at = (h: number, m = 0, day = 7) => new Date(zonedInstant([2026, 3, day], [h, m], LA));
const iso = (h: number, m = 0, day = 7) => at(h, m, day).toISOString();
const s = (name: string, start: string, end: string, status = 'scheduled') =>
  ({ name, scheduledStart: start, scheduledEnd: end, status }) as {
    name: string;
    scheduledStart: string;
    scheduledEnd: string;
    status: 'scheduled' | 'active' | 'completed' | 'canceled';
  };
const names = (xs: { name: string }[]) => xs.map((x) => x.name);

describe('the usher session list', () => {
  it('splits into now, later today and recent (newest first), without canceled ones', () => {
    const now = at(10).getTime();
    const g = groupSessions(
      [
        s('Evening', iso(19), iso(21)),
        s('Morning', iso(9, 30), iso(11)),
        s('Soon', iso(10, 20), iso(11)),
        s('Early', iso(7), iso(8)),
        s('Yesterday', iso(9, 0, 6), iso(11, 0, 6), 'completed'),
        s('Canceled', iso(12), iso(13), 'canceled'),
      ],
      now,
      LA,
    );
    expect(names(g.now)).toEqual(['Morning', 'Soon']);
    expect(names(g.later)).toEqual(['Evening']);
    expect(names(g.recent)).toEqual(['Early', 'Yesterday']);
  });

  it('keeps a session that crosses midnight under Now after midnight', () => {
    const justAfterMidnight = at(0, 30, 8).getTime();
    const g = groupSessions(
      [s('Watch night', iso(22), iso(1, 0, 8), 'active')],
      justAfterMidnight,
      LA,
    );
    expect(names(g.now)).toEqual(['Watch night']);
  });

  it("at 11:30 pm local it is still today: tomorrow's session is not later today", () => {
    const late = at(23, 30).getTime(); // Sunday 07:30 in UTC, Sunday 18:30 in Sydney
    const g = groupSessions(
      [
        s('Night vigil', iso(23, 50), iso(23, 59)),
        s('Sunday service', iso(9, 0, 8), iso(11, 0, 8)),
      ],
      late,
      LA,
    );
    expect(names(g.now)).toEqual(['Night vigil']); // opens 30 minutes early
    expect(g.later).toEqual([]);
    // Today ends at local midnight; the list reaches back three local days.
    expect(listWindow(late, LA)).toEqual({ from: iso(0, 0, 4), to: iso(0, 0, 8) });
  });

  it('ends the day at local midnight on the 23-hour day DST starts', () => {
    const sundayNoon = at(12, 0, 8).getTime();
    expect(listWindow(sundayNoon, LA).to).toBe('2026-03-09T07:00:00.000Z');
  });
});
