// What a report is about: one session, or a group's (or every) session in a date range. Range
// reports only count sessions that have started by now and were not canceled, so a future
// session never shows everyone as missing. A group stands for itself and its subgroups (as on the
// live page and the device roster): a session for "Teens" expects the members of "Junior Teens".
import {
  addDays,
  formatLocalDate,
  localDateOf,
  startOfLocalDay,
  weekdayOf,
  withDescendants,
  type LocalDate,
} from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import * as repo from './reports.repository.ts';

const DAY = 86_400_000;
export const DEFAULT_RANGE_DAYS = 365;

export interface RangeQuery {
  from?: string | undefined;
  to?: string | undefined;
}
export interface ScopeQuery extends RangeQuery {
  sessionId?: string | undefined;
  groupId?: string | undefined;
}

export interface SessionInfo {
  id: string;
  name: string;
  scheduled_start: string;
  status: string;
}
export interface Scope {
  org: string;
  /** The organization's time zone: date bounds and weeks are its days. */
  zone: string;
  sessionId: string | null;
  groupId: string | null;
  from: string | null;
  to: string | null;
  sessions: SessionInfo[];
  /** Whose membership makes a participant expected: the report's group, or the session's groups; subgroups included. */
  scopeGroups: string[];
  /** Each session's groups, subgroups included. */
  sessionGroups: Map<string, string[]>;
}

export interface States {
  presentCodes: string[];
  labels: Map<string, string>;
  codes: string[];
}

export async function statesOf(db: Kysely<Database>, org: string): Promise<States> {
  const rows = await repo.presenceStates(db, org);
  return {
    presentCodes: rows.filter((s) => s.counts_as_present === 1).map((s) => s.code),
    labels: new Map(rows.map((s) => [s.code, s.label])),
    codes: rows.map((s) => s.code),
  };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date (the whole day in the organization's zone) or a date-time; `to` as a date includes that
 * day, however long DST makes it.
 */
export function parseBound(value: string, end: boolean, field: string, zone: string): string {
  const m = DATE_ONLY.exec(value);
  const day: LocalDate | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  const ms = day
    ? startOfLocalDay(end ? addDays(day, 1) : day, zone) - (end ? 1 : 0)
    : Date.parse(value);
  if (Number.isNaN(ms) || (day && formatLocalDate(addDays(day, 0)) !== value))
    throw badRequest(`"${value}" is not a date`, [
      { path: `querystring/${field}`, message: 'must be a date or date-time' },
    ]);
  return iso(ms);
}

const MAX_RANGE_DAYS = 5 * 366;

export function rangeOf(q: RangeQuery, nowMs: number, zone: string) {
  const to = q.to ? parseBound(q.to, true, 'to', zone) : iso(nowMs);
  const from = q.from
    ? parseBound(q.from, false, 'from', zone)
    : iso(Date.parse(to) - DEFAULT_RANGE_DAYS * DAY);
  if (from > to)
    throw badRequest('"from" is after "to"', [
      { path: 'querystring/from', message: 'must not be after to' },
    ]);
  // A report is built in one request: a century-long range would hold the server for seconds.
  if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * DAY)
    throw badRequest(
      `A report covers at most ${MAX_RANGE_DAYS / 366} years; narrow "from" and "to"`,
      [{ path: 'querystring/from', message: `must be within ${MAX_RANGE_DAYS} days of to` }],
    );
  return { from, to };
}

export async function resolveScope(
  db: Kysely<Database>,
  org: string,
  q: ScopeQuery,
  nowMs: number,
  opts: { needsTarget: boolean },
): Promise<Scope> {
  if (opts.needsTarget && !q.sessionId && !q.groupId) {
    throw badRequest('Give a sessionId or a groupId', [
      { path: 'querystring/sessionId', message: 'sessionId or groupId is required' },
    ]);
  }
  const [group, { zone }] = await Promise.all([
    q.groupId ? repo.findGroup(db, org, q.groupId) : null,
    repo.organizationOf(db, org),
  ]);
  if (q.groupId && !group) throw notFound(`Group ${q.groupId}`);
  let sessions: SessionInfo[];
  let range: { from: string | null; to: string | null } = { from: null, to: null };
  if (q.sessionId) {
    const s = await repo.findSession(db, org, q.sessionId);
    if (!s) throw notFound(`Session ${q.sessionId}`);
    sessions = [s];
  } else {
    range = rangeOf(q, nowMs, zone);
    sessions = await repo.sessionsInRange(db, org, {
      from: range.from!,
      to: range.to!,
      until: iso(nowMs),
      groupId: q.groupId,
    });
  }
  const [linked, tree] = await Promise.all([
    repo.groupsOfSessions(
      db,
      sessions.map((s) => s.id),
    ),
    repo.groupTree(db, org),
  ]);
  const widen = (ids: string[]) => [...withDescendants(ids, tree)];
  const sessionGroups = new Map([...linked].map(([id, groups]) => [id, widen(groups)]));
  const scopeGroups = q.groupId
    ? widen([q.groupId])
    : q.sessionId
      ? (sessionGroups.get(q.sessionId) ?? [])
      : [];
  return {
    org,
    zone,
    sessionId: q.sessionId ?? null,
    groupId: q.groupId ?? null,
    ...range,
    sessions,
    scopeGroups,
    sessionGroups,
  };
}

/**
 * The ISO 8601 week (Monday to Sunday, in the organization's zone) a moment falls in: `2026-W47`,
 * starting `2026-11-16`. A Saturday evening service belongs to its Saturday's week, wherever UTC is.
 */
export function isoWeek(ms: number, zone: string): { week: string; start: string } {
  return weekOfDate(localDateOf(ms, zone));
}

function weekOfDate(day: LocalDate): { week: string; start: string } {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = thursday[0];
  const n = Math.floor((Date.UTC(...ymd(thursday)) - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { week: `${year}-W${String(n).padStart(2, '0')}`, start: formatLocalDate(monday) };
}
const ymd = (d: LocalDate): [number, number, number] => [d[0], d[1] - 1, d[2]];

/** The instant a week (as `isoWeek` gives its start) begins in the zone. */
export const weekStartInstant = (start: string, zone: string) =>
  startOfLocalDay(start.split('-').map(Number) as LocalDate, zone);

/** Every ISO week from the one holding `from` to the one holding `to`, stepped by calendar days. */
export function weeksBetween(from: string, to: string, zone: string) {
  const out: { week: string; start: string }[] = [];
  const end = Date.parse(to);
  const first = isoWeek(Date.parse(from), zone).start;
  for (
    let monday = first.split('-').map(Number) as LocalDate;
    startOfLocalDay(monday, zone) <= end;
    monday = addDays(monday, 7)
  )
    out.push(weekOfDate(monday));
  return out;
}
