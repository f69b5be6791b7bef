// What a report is about: one session, or a group's (or every) session in a date range. Range
// reports only count sessions that have started by now and were not canceled, so a future
// session never shows everyone as missing. A group stands for itself and its subgroups (as on the
// live page and the device roster): a session for "Teens" expects the members of "Junior Teens".
import { withDescendants } from '@rollcall/shared';
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

/** A date (the whole day, UTC) or a date-time; `to` as a date includes that day. */
export function parseBound(value: string, end: boolean, field: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(ms))
    throw badRequest(`"${value}" is not a date`, [
      { path: `querystring/${field}`, message: 'must be a date or date-time' },
    ]);
  return iso(dateOnly && end ? ms + DAY - 1 : ms);
}

const MAX_RANGE_DAYS = 5 * 366;

export function rangeOf(q: RangeQuery, nowMs: number) {
  const to = q.to ? parseBound(q.to, true, 'to') : iso(nowMs);
  const from = q.from
    ? parseBound(q.from, false, 'from')
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
  if (q.groupId && !(await repo.findGroup(db, org, q.groupId)))
    throw notFound(`Group ${q.groupId}`);
  let sessions: SessionInfo[];
  let range: { from: string | null; to: string | null } = { from: null, to: null };
  if (q.sessionId) {
    const s = await repo.findSession(db, org, q.sessionId);
    if (!s) throw notFound(`Session ${q.sessionId}`);
    sessions = [s];
  } else {
    range = rangeOf(q, nowMs);
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
    sessionId: q.sessionId ?? null,
    groupId: q.groupId ?? null,
    ...range,
    sessions,
    scopeGroups,
    sessionGroups,
  };
}

/** The ISO 8601 week (Monday to Sunday, UTC) a moment falls in: `2026-W47`, starting `2026-11-16`. */
export function isoWeek(ms: number): { week: string; start: string } {
  const d = new Date(ms);
  const monday = Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate() - ((d.getUTCDay() + 6) % 7),
  );
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const n = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { week: `${year}-W${String(n).padStart(2, '0')}`, start: iso(monday).slice(0, 10) };
}

/** Every ISO week from the one holding `from` to the one holding `to`. */
export function weeksBetween(from: string, to: string) {
  const out: { week: string; start: string }[] = [];
  const end = Date.parse(to);
  for (
    let t = Date.parse(`${isoWeek(Date.parse(from)).start}T00:00:00.000Z`);
    t <= end;
    t += 7 * DAY
  )
    out.push(isoWeek(t));
  return out;
}
