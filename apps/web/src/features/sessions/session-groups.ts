// The usher's list in three parts: what is on now, what comes later today, and the last few days
// (to finish a roll call or fix a mark). Grouped by the clock, not by calendar day, so a session
// running past midnight stays under "Now". "Today" is the organization's day (its zone), so an usher
// at 11:30 pm is still in today, wherever the device's clock is set.
import { addDays, localDateOf, startOfLocalDay, type Session } from '@rollcall/shared';

/** A session opens in "Now" this long before its start: ushers set up at the door early. */
export const OPENS_EARLY_MS = 30 * 60_000;
/** How far back "Recent" reaches. */
export const RECENT_DAYS = 3;

export interface SessionGroups<S> {
  now: S[];
  later: S[];
  recent: S[];
}

/** Where today ends in the zone (a DST day is 23 or 25 hours long). */
const endOfToday = (nowMs: number, zone: string) =>
  startOfLocalDay(addDays(localDateOf(nowMs, zone), 1), zone);

/** The scheduledStart range to read: from RECENT_DAYS before today to the end of today. */
export function listWindow(nowMs: number, zone: string): { from: string; to: string } {
  const today = localDateOf(nowMs, zone);
  return {
    from: new Date(startOfLocalDay(addDays(today, -RECENT_DAYS), zone)).toISOString(),
    to: new Date(endOfToday(nowMs, zone)).toISOString(),
  };
}

type Timed = Pick<Session, 'scheduledStart' | 'scheduledEnd' | 'status'>;

export function groupSessions<S extends Timed>(
  sessions: S[],
  nowMs: number,
  zone: string,
): SessionGroups<S> {
  const groups: SessionGroups<S> = { now: [], later: [], recent: [] };
  const todayEnds = endOfToday(nowMs, zone);
  for (const s of sessions) {
    if (s.status === 'canceled') continue;
    const start = Date.parse(s.scheduledStart);
    const end = Date.parse(s.scheduledEnd);
    const over = s.status === 'completed' || (end <= nowMs && s.status !== 'active');
    if (over) groups.recent.push(s);
    else if (s.status === 'active' || start - OPENS_EARLY_MS <= nowMs) groups.now.push(s);
    else if (start < todayEnds) groups.later.push(s);
  }
  const byStart = (a: S, b: S) => a.scheduledStart.localeCompare(b.scheduledStart);
  groups.now.sort(byStart);
  groups.later.sort(byStart);
  groups.recent.sort((a, b) => byStart(b, a));
  return groups;
}
