// Weekly trends of a group: sessions held, attended records (present and late, or whatever counts
// as present), the attendance rate against the members, and how many attendees came for the first
// time ever (their first attended record in the organization falls in that week) or returned.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import * as repo from './reports.repository.ts';
import {
  isoWeek,
  resolveScope,
  statesOf,
  weekStartInstant,
  weeksBetween,
  type RangeQuery,
} from './report-scope.ts';
import { tallies } from './reports.service.ts';

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/**
 * Distinct attendees per week (asked only for weeks with several sessions: with one session, the
 * attended records are distinct people, a record being unique per session and participant), and first-timers: whose first attended session anywhere falls in a
 * week in which they also attended here. As no session here can precede someone's first session
 * anywhere, that is: their earliest week here is the week of their first session ever.
 */
async function weeklyPeople(
  db: Kysely<Database>,
  org: string,
  weeks: repo.WeekOfSession[],
  pop: repo.Population,
  presentCodes: string[],
  since: string,
  zone: string,
) {
  const attendees = new Map<string, number>();
  const firstTime = new Map<string, number>();
  if (weeks.length === 0) return { attendees, firstTime };
  const perWeekCount = new Map<string, number>();
  for (const w of weeks) perWeekCount.set(w.week, (perWeekCount.get(w.week) ?? 0) + 1);
  const shared = weeks.filter((w) => perWeekCount.get(w.week)! > 1);
  const [perWeek, firsts] = await Promise.all([
    shared.length ? repo.weeklyAttendees(db, shared, pop, presentCodes) : [],
    repo.firstAttendance(
      db,
      org,
      weeks.map((w) => w.sessionId),
      pop,
      presentCodes,
      since,
    ),
  ]);
  for (const w of perWeek) attendees.set(w.week, Number(w.attendees));
  for (const f of firsts) {
    const week = isoWeek(Date.parse(f.first_at), zone).week;
    if (f.first_here && isoWeek(Date.parse(f.first_here), zone).week === week)
      firstTime.set(week, (firstTime.get(week) ?? 0) + 1);
  }
  return { attendees, firstTime };
}

/**
 * Without a group, the whole organization: every session, and every member of any group expected
 * at each (people in no group are walk-ins), so the rate reads as "how much of our membership came".
 */
export async function trendsReport(
  db: Kysely<Database>,
  org: string,
  q: RangeQuery & { groupId?: string | undefined },
  nowMs: number,
) {
  const [resolved, states] = await Promise.all([
    resolveScope(db, org, { ...q, sessionId: undefined }, nowMs, { needsTarget: false }),
    statesOf(db, org),
  ]);
  const scope = q.groupId
    ? resolved
    : { ...resolved, scopeGroups: (await repo.groupTree(db, org)).map((g) => g.id) };
  const present = new Set(states.presentCodes);
  const weekOf = new Map(
    scope.sessions.map((s) => [s.id, isoWeek(Date.parse(s.scheduled_start), scope.zone).week]),
  );
  // The whole first week, from its Monday's midnight in the organization's zone.
  const since = iso(
    weekStartInstant(isoWeek(Date.parse(scope.from!), scope.zone).start, scope.zone),
  );
  const [counts, people] = await Promise.all([
    tallies(db, scope, states),
    weeklyPeople(
      db,
      org,
      [...weekOf].map(([sessionId, week]) => ({ sessionId, week })),
      scope,
      states.presentCodes,
      since,
      scope.zone,
    ),
  ]);
  const until = iso(Math.min(nowMs, Date.parse(scope.to!)));
  const weeks = weeksBetween(scope.from!, until, scope.zone).map(({ week, start }) => {
    const held = scope.sessions
      .filter((s) => weekOf.get(s.id) === week)
      .map((s) => counts.get(s.id)!);
    const attended = held.reduce(
      (n, t) => n + [...t.byState].reduce((m, [c, k]) => m + (present.has(c) ? k : 0), 0),
      0,
    );
    const expected = held.reduce((n, t) => n + t.expected, 0);
    const p = {
      attendees: people.attendees.get(week) ?? (held.length === 1 ? attended : 0),
      firstTime: people.firstTime.get(week) ?? 0,
    };
    return {
      week,
      weekStart: start,
      sessions: held.length,
      present: attended,
      expected,
      rate: rate(
        held.reduce((n, t) => n + t.attendedExpected, 0),
        expected,
      ),
      attendees: p.attendees,
      firstTime: p.firstTime,
      returning: p.attendees - p.firstTime,
    };
  });
  return {
    generatedAt: iso(nowMs),
    groupId: q.groupId ?? null,
    from: scope.from!,
    to: scope.to!,
    weeks,
  };
}
