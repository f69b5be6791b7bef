// The usher's list in three parts: what is on now, what comes later today, and the last few days
// (to finish a roll call or fix a mark). Grouped by the clock, not by calendar day, so a session
// running past midnight stays under "Now".
import type { Session } from '@rollcall/shared';

/** A session opens in "Now" this long before its start: ushers set up at the door early. */
export const OPENS_EARLY_MS = 30 * 60_000;
/** How far back "Recent" reaches. */
export const RECENT_DAYS = 3;
const DAY_MS = 86_400_000;

export interface SessionGroups<S> {
  now: S[];
  later: S[];
  recent: S[];
}

export function startOfDay(nowMs: number): number {
  const d = new Date(nowMs);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The scheduledStart range to read: from RECENT_DAYS before today to the end of today. */
export function listWindow(nowMs: number): { from: string; to: string } {
  const today = startOfDay(nowMs);
  return {
    from: new Date(today - RECENT_DAYS * DAY_MS).toISOString(),
    to: new Date(today + DAY_MS).toISOString(),
  };
}

type Timed = Pick<Session, 'scheduledStart' | 'scheduledEnd' | 'status'>;

export function groupSessions<S extends Timed>(sessions: S[], nowMs: number): SessionGroups<S> {
  const groups: SessionGroups<S> = { now: [], later: [], recent: [] };
  const endOfToday = startOfDay(nowMs) + DAY_MS;
  for (const s of sessions) {
    if (s.status === 'canceled') continue;
    const start = Date.parse(s.scheduledStart);
    const end = Date.parse(s.scheduledEnd);
    const over = s.status === 'completed' || (end <= nowMs && s.status !== 'active');
    if (over) groups.recent.push(s);
    else if (s.status === 'active' || start - OPENS_EARLY_MS <= nowMs) groups.now.push(s);
    else if (start < endOfToday) groups.later.push(s);
  }
  const byStart = (a: S, b: S) => a.scheduledStart.localeCompare(b.scheduledStart);
  groups.now.sort(byStart);
  groups.later.sort(byStart);
  groups.recent.sort((a, b) => byStart(b, a));
  return groups;
}
