import { describe, expect, it } from 'vitest';
import { groupSessions } from './session-groups.ts';

const at = (h: number, m = 0, day = 10) => new Date(2026, 0, day, h, m).toISOString();
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
    const now = new Date(2026, 0, 10, 10, 0).getTime();
    const g = groupSessions(
      [
        s('Evening', at(19), at(21)),
        s('Morning', at(9, 30), at(11)),
        s('Soon', at(10, 20), at(11)),
        s('Early', at(7), at(8)),
        s('Yesterday', at(9, 0, 9), at(11, 0, 9), 'completed'),
        s('Canceled', at(12), at(13), 'canceled'),
      ],
      now,
    );
    expect(names(g.now)).toEqual(['Morning', 'Soon']);
    expect(names(g.later)).toEqual(['Evening']);
    expect(names(g.recent)).toEqual(['Early', 'Yesterday']);
  });

  it('keeps a session that crosses midnight under Now after midnight', () => {
    const justAfterMidnight = new Date(2026, 0, 11, 0, 30).getTime();
    const g = groupSessions([s('Watch night', at(22), at(1, 0, 11), 'active')], justAfterMidnight);
    expect(names(g.now)).toEqual(['Watch night']);
  });
});
