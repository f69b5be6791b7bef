// Attendance reports, computed from the committed presence records. Counts come from one
// aggregate query; rows come one session and one page at a time, so a CSV export of any size
// holds one page in memory, and a JSON page never reads more than it shows.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { badRequest } from '../../lib/errors.ts';
import * as repo from './reports.repository.ts';
import {
  resolveScope,
  statesOf,
  type Scope,
  type ScopeQuery,
  type SessionInfo,
  type States,
} from './report-scope.ts';

type Db = Kysely<Database>;
const MISSING = 'missing';
/** The one word for "no record" everywhere a report is read: headline, table, CSV and PDF. */
const NO_RECORD = 'No record';
export const CSV_PAGE = 2000;

export interface AttendanceQuery extends ScopeQuery {
  state?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

interface Tally {
  expected: number;
  attendedExpected: number;
  /** Everyone in a present state, walk-ins included: the same number as the present states' counts. */
  present: number;
  walkIns: number;
  missing: number;
  byState: Map<string, number>;
}

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const nameOf = (r: { preferred_name: string | null; first_name: string; last_name: string }) =>
  `${r.preferred_name ?? r.first_name} ${r.last_name}`.trim();

/** Per session: expected members, records by state (expected and walk-ins) and who is missing. */
export async function tallies(db: Db, scope: Scope, states: States) {
  const ids = scope.sessions.map((s) => s.id);
  const [counts, expected] = await Promise.all([
    repo.recordCounts(db, scope.org, ids, scope),
    repo.activeMemberCount(db, scope.org, scope.scopeGroups),
  ]);
  const present = new Set(states.presentCodes);
  const out = new Map<string, Tally>(
    ids.map((id) => [
      id,
      {
        expected,
        attendedExpected: 0,
        present: 0,
        walkIns: 0,
        missing: expected,
        byState: new Map(),
      },
    ]),
  );
  for (const c of counts) {
    const t = out.get(c.session_id)!;
    const n = Number(c.n);
    if (c.state === null) continue; // a cleared record: the member stays missing
    t.byState.set(c.state, (t.byState.get(c.state) ?? 0) + n);
    if (present.has(c.state)) t.present += n;
    if (Number(c.expected) === 1) {
      t.missing -= n;
      if (present.has(c.state)) t.attendedExpected += n;
    } else t.walkIns += n;
  }
  return out;
}

function filterOf(state: string | undefined, states: States): repo.RowFilter {
  if (!state) return { kind: 'all' };
  if (state !== MISSING && !states.codes.includes(state)) {
    throw badRequest(`"${state}" is not a presence state of your organization`, [
      { path: 'querystring/state', message: `must be ${MISSING} or a presence state` },
    ]);
  }
  return { kind: 'state', state };
}

const missedCodes = (states: States) =>
  states.codes.filter((c) => !states.presentCodes.includes(c) && c !== 'excused');

function rowCount(t: Tally, f: repo.RowFilter, states: States) {
  if (f.kind === 'all') return t.expected + t.walkIns;
  if (f.kind === 'missed')
    return t.missing + missedCodes(states).reduce((n, c) => n + (t.byState.get(c) ?? 0), 0);
  return f.state === MISSING ? t.missing : (t.byState.get(f.state) ?? 0);
}

/** A state's label, as the organization names it; "No record" where there is none. */
const stateLabel = (labels: Map<string, string>, code: string) =>
  code === MISSING ? NO_RECORD : (labels.get(code) ?? code);

const toRow = (s: SessionInfo, r: repo.SessionRow, labels: Map<string, string>) => ({
  sessionId: s.id,
  sessionName: s.name,
  scheduledStart: s.scheduled_start,
  participantId: r.participant_id,
  participantName: nameOf(r),
  expected: Number(r.expected) === 1,
  state: r.state ?? MISSING,
  stateLabel: stateLabel(labels, r.state ?? MISSING),
  method: r.method,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by_name,
  leftAt: r.left_at,
  minutesPresent: minutesPresent(r.recorded_at, r.left_at),
});

/** Time present, where both ends are known: left − arrived, in whole minutes (never negative). */
function minutesPresent(arrived: string | null, left: string | null) {
  if (!arrived || !left) return null;
  const ms = Date.parse(left) - Date.parse(arrived);
  return ms >= 0 ? Math.round(ms / 60_000) : null;
}
export type ReportRow = ReturnType<typeof toRow>;

const rowQuery = (scope: Scope, s: SessionInfo, filter: repo.RowFilter) => ({
  sessionId: s.id,
  scopeGroups: scope.scopeGroups,
  sessionGroups: scope.sessionGroups.get(s.id) ?? [],
  filter,
});

/** `limit` rows from `offset`, walking the sessions in order and skipping whole sessions by their counts. */
async function rowsPage(
  db: Db,
  scope: Scope,
  counts: Map<string, Tally>,
  states: States,
  filter: repo.RowFilter,
  limit: number,
  offset: number,
) {
  const out: ReportRow[] = [];
  let skip = offset;
  for (const s of scope.sessions) {
    if (out.length >= limit) break;
    const n = rowCount(counts.get(s.id)!, filter, states);
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const rows = await repo.sessionRows(db, scope.org, {
      ...rowQuery(scope, s, filter),
      limit: limit - out.length,
      offset: skip,
    });
    out.push(...rows.map((r) => toRow(s, r, states.labels)));
    skip = 0;
  }
  return out;
}

/** Every row, one keyset page at a time. */
export async function* rowPages(
  db: Db,
  scope: Scope,
  filter: repo.RowFilter,
  labels: Map<string, string>,
  pageSize = CSV_PAGE,
): AsyncGenerator<ReportRow[]> {
  for (const s of scope.sessions) {
    let after: repo.RowKey | undefined;
    for (;;) {
      const rows = await repo.sessionRows(db, scope.org, {
        ...rowQuery(scope, s, filter),
        limit: pageSize,
        after,
      });
      if (rows.length) yield rows.map((r) => toRow(s, r, labels));
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1]!;
      after = { lastName: last.last_name, firstName: last.first_name, id: last.participant_id };
    }
  }
}

function byStateList(total: Map<string, number>, missing: number, states: States) {
  const codes = [...states.codes, ...[...total.keys()].filter((c) => !states.codes.includes(c))];
  return [
    ...codes.map((c) => ({ state: c, label: states.labels.get(c) ?? c, count: total.get(c) ?? 0 })),
    { state: MISSING, label: NO_RECORD, count: missing },
  ];
}

function summarize(scope: Scope, counts: Map<string, Tally>, states: States) {
  const total = new Map<string, number>();
  let expected = 0,
    attended = 0,
    present = 0,
    walkIns = 0,
    missing = 0;
  const sessions = scope.sessions.map((s) => {
    const t = counts.get(s.id)!;
    for (const [c, n] of t.byState) total.set(c, (total.get(c) ?? 0) + n);
    expected += t.expected;
    attended += t.attendedExpected;
    present += t.present;
    walkIns += t.walkIns;
    missing += t.missing;
    return {
      id: s.id,
      name: s.name,
      scheduledStart: s.scheduled_start,
      expected: t.expected,
      attended: t.attendedExpected,
      present: t.present,
      walkIns: t.walkIns,
      rate: rate(t.attendedExpected, t.expected),
    };
  });
  return {
    sessions,
    totals: {
      sessions: sessions.length,
      expected,
      attended,
      present,
      rate: rate(attended, expected),
      walkIns,
      byState: byStateList(total, missing, states),
    },
  };
}

const scopeOut = (scope: Scope) => ({
  sessionId: scope.sessionId,
  groupId: scope.groupId,
  from: scope.from,
  to: scope.to,
});

export async function attendanceReport(db: Db, org: string, q: AttendanceQuery, nowMs: number) {
  const [scope, states] = await Promise.all([
    resolveScope(db, org, q, nowMs, { needsTarget: true }),
    statesOf(db, org),
  ]);
  const filter = filterOf(q.state, states);
  const counts = await tallies(db, scope, states);
  const limit = q.limit ?? 200;
  const offset = q.offset ?? 0;
  const rows = await rowsPage(db, scope, counts, states, filter, limit, offset);
  const totalRows = scope.sessions.reduce(
    (n, s) => n + rowCount(counts.get(s.id)!, filter, states),
    0,
  );
  return {
    generatedAt: iso(nowMs),
    scope: { ...scopeOut(scope), state: q.state ?? null },
    ...summarize(scope, counts, states),
    rows,
    totalRows,
    limit,
    offset,
  };
}

export async function attendanceCsv(db: Db, org: string, q: AttendanceQuery, nowMs: number) {
  const [scope, states] = await Promise.all([
    resolveScope(db, org, q, nowMs, { needsTarget: true }),
    statesOf(db, org),
  ]);
  return rowPages(db, scope, filterOf(q.state, states), states.labels);
}

/** For the PDF: the summary first, then every row a page at a time, as the CSV reads them. */
export async function attendanceExport(db: Db, org: string, q: AttendanceQuery, nowMs: number) {
  const [scope, states] = await Promise.all([
    resolveScope(db, org, q, nowMs, { needsTarget: true }),
    statesOf(db, org),
  ]);
  const filter = filterOf(q.state, states);
  const counts = await tallies(db, scope, states);
  return {
    scope,
    ...summarize(scope, counts, states),
    pages: rowPages(db, scope, filter, states.labels),
  };
}

async function absenteeCounts(db: Db, org: string, q: { sessionId: string }, nowMs: number) {
  const [scope, states] = await Promise.all([
    resolveScope(db, org, q, nowMs, { needsTarget: true }),
    statesOf(db, org),
  ]);
  const filter: repo.RowFilter = { kind: 'missed', presentCodes: states.presentCodes };
  const counts = await tallies(db, scope, states);
  const s = scope.sessions[0]!;
  return {
    scope,
    states,
    filter,
    counts,
    session: s,
    expected: counts.get(s.id)!.expected,
    total: rowCount(counts.get(s.id)!, filter, states),
  };
}

/** Who was absent (or in any state that is neither present nor excused) or has no record. */
export async function absentees(
  db: Db,
  org: string,
  q: { sessionId: string; limit?: number | undefined; offset?: number | undefined },
  nowMs: number,
) {
  const {
    scope,
    states,
    filter,
    counts,
    session: s,
    expected,
    total,
  } = await absenteeCounts(db, org, q, nowMs);
  const limit = q.limit ?? 200;
  const offset = q.offset ?? 0;
  return {
    generatedAt: iso(nowMs),
    session: { id: s.id, name: s.name, scheduledStart: s.scheduled_start },
    expected,
    total,
    limit,
    offset,
    rows: await rowsPage(db, scope, counts, states, filter, limit, offset),
  };
}

/** For the PDF: the counts first, then every absentee a page at a time. */
export async function absenteesExport(
  db: Db,
  org: string,
  q: { sessionId: string },
  nowMs: number,
) {
  const { scope, states, filter, session, expected, total } = await absenteeCounts(
    db,
    org,
    q,
    nowMs,
  );
  return {
    scope,
    labels: states.labels,
    session,
    expected,
    total,
    pages: rowPages(db, scope, filter, states.labels),
  };
}

/** Each row with the names of the report's groups its participant belongs to (none for a walk-in). */
export async function* withGroupNames(db: Db, scope: Scope, pages: AsyncIterable<ReportRow[]>) {
  for await (const page of pages) {
    const names = new Map<string, string[]>();
    for (const m of await repo.groupNames(
      db,
      scope.org,
      [...new Set(page.map((r) => r.participantId))],
      scope.scopeGroups,
    )) {
      names.set(m.participant_id, [...(names.get(m.participant_id) ?? []), m.name]);
    }
    yield page.map((r) => ({
      ...r,
      groups: r.expected ? (names.get(r.participantId) ?? []).join(', ') : '',
    }));
  }
}

export async function absenteesCsv(db: Db, org: string, q: { sessionId: string }, nowMs: number) {
  const [scope, states] = await Promise.all([
    resolveScope(db, org, q, nowMs, { needsTarget: true }),
    statesOf(db, org),
  ]);
  return rowPages(db, scope, { kind: 'missed', presentCodes: states.presentCodes }, states.labels);
}
