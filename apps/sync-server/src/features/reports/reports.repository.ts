// Every report query. Who is counted for a session:
//   expected = active participants who are members of the scope groups (the report's group, or
//              the session's own groups when the report is about one session);
//   walk-in  = someone with a record in the session who is not an active member of any of the
//              session's groups (a visitor, a participant made on a device, an inactive member).
// Members of the session's other groups are outside a group's report. Group lists arrive here
// already widened to their subgroups (report-scope.ts), as the live page and the device roster
// count them: a session for "Teens" expects the members of "Junior Teens" too.
import { METHODS } from '@rollcall/shared';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chunk } from '../../lib/json.ts';
import { LEGACY_TIME_ZONE, toOrganizationDto } from '../organizations/organizations.service.ts';
import { reportWords } from './report-words.ts';

type Db = Kysely<Database>;
type SEb = ExpressionBuilder<Database & { s: Database['sessions'] }, 's'>;
type PEb = ExpressionBuilder<Database & { p: Database['participants'] }, 'p'>;
type Eb = ExpressionBuilder<
  Database & { r: Database['presence_records']; p: Database['participants'] },
  'r' | 'p'
>;

/** SQL has no empty IN (): a list that matches nothing instead. */
const orNone = (ids: string[]) => (ids.length ? ids : ['']);

export const findSession = (db: Db, org: string, id: string) =>
  db
    .selectFrom('sessions')
    .select(['id', 'name', 'scheduled_start', 'status'])
    .where('organization_id', '=', org)
    .where('id', '=', id)
    .executeTakeFirst();

export const findGroup = (db: Db, org: string, id: string) =>
  db
    .selectFrom('groups')
    .select(['id', 'name'])
    .where('organization_id', '=', org)
    .where('id', '=', id)
    .executeTakeFirst();

/**
 * The organization's name, the zone its days and weeks are reckoned in, and the words its exports
 * use (its language and its terms).
 */
export async function organizationOf(db: Db, org: string) {
  const row = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', org)
    .executeTakeFirst();
  if (!row)
    return {
      name: '',
      zone: LEGACY_TIME_ZONE,
      words: reportWords(undefined, {
        session: 'Session',
        participant: 'Participant',
        group: 'Group',
      }),
    };
  const { name, settings, domainType } = toOrganizationDto(row);
  return {
    name,
    zone: settings.timeZone,
    words: reportWords(settings.language, settings.labels, domainType),
  };
}

/** The organization's group tree, for widening a group to its subgroups. */
export const groupTree = (db: Db, org: string) =>
  db
    .selectFrom('groups')
    .select(['id', 'parent_id as parentId'])
    .where('organization_id', '=', org)
    .execute();

export const presenceStates = (db: Db, org: string) =>
  db
    .selectFrom('presence_states')
    .select(['code', 'label', 'counts_as_present'])
    .where('organization_id', '=', org)
    .orderBy('sort_order')
    .execute();

/**
 * Whether session `s` counts by `until`, as attended or missed: it has started, or someone has
 * already checked in to it (an early arrival attended it). Attendance and drifting share the rule.
 */
const counted = (eb: SEb, until: string) =>
  eb.or([
    eb('s.scheduled_start', '<=', until),
    eb.exists(
      eb
        .selectFrom('presence_records as early')
        .select('early.id')
        .whereRef('early.session_id', '=', 's.id')
        .where('early.state', 'is not', null),
    ),
  ]);

/** Sessions that started between from and to, not canceled, that count by `until`, oldest first. */
export function sessionsInRange(
  db: Db,
  org: string,
  r: { from: string; to: string; until: string; groupId?: string | undefined },
) {
  let q = db
    .selectFrom('sessions as s')
    .select(['s.id', 's.name', 's.scheduled_start', 's.status'])
    .where('s.organization_id', '=', org)
    .where('s.status', '!=', 'canceled')
    .where('s.scheduled_start', '>=', r.from)
    .where('s.scheduled_start', '<=', r.to)
    .where((eb) => counted(eb, r.until));
  if (r.groupId)
    q = q.where(
      's.id',
      'in',
      db.selectFrom('session_groups').select('session_id').where('group_id', '=', r.groupId),
    );
  return q.orderBy('s.scheduled_start').orderBy('s.id').execute();
}

/** Which of the groups each participant belongs to, by name. */
export const groupNames = (db: Db, org: string, participantIds: string[], groupIds: string[]) =>
  db
    .selectFrom('group_memberships as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select(['m.participant_id', 'g.name'])
    .where('m.organization_id', '=', org)
    .where('m.participant_id', 'in', orNone(participantIds))
    .where('m.group_id', 'in', orNone(groupIds))
    .orderBy('g.name')
    .execute();

export async function groupsOfSessions(db: Db, sessionIds: string[]) {
  const map = new Map<string, string[]>();
  for (const part of chunk(sessionIds, 1000)) {
    const rows = await db
      .selectFrom('session_groups')
      .select(['session_id', 'group_id'])
      .where('session_id', 'in', part)
      .execute();
    for (const r of rows) map.set(r.session_id, [...(map.get(r.session_id) ?? []), r.group_id]);
  }
  return map;
}

export async function activeMemberCount(db: Db, org: string, groupIds: string[]) {
  const row = await db
    .selectFrom('group_memberships as m')
    .innerJoin('participants as p', 'p.id', 'm.participant_id')
    .select((eb) => eb.fn.count<number>('m.participant_id').distinct().as('n'))
    .where('m.organization_id', '=', org)
    .where('m.group_id', 'in', orNone(groupIds))
    .where('p.active', '=', 1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const membersOf = (eb: PEb, groupIds: string[]) =>
  eb
    .selectFrom('group_memberships')
    .select('participant_id')
    .where('group_id', 'in', orNone(groupIds));

/** An active member of any of the groups. */
const isActiveMember = (eb: PEb, groupIds: string[]) =>
  eb.and([eb('p.active', '=', 1), eb('p.id', 'in', membersOf(eb, groupIds))]);

/** Who a report counts: the scope's groups, and each session's groups, both with their subgroups. */
export interface Population {
  scopeGroups: string[];
  sessionGroups: Map<string, string[]>;
}

/**
 * An active member of the record's session's groups. The session's groups come from `sessionGroups`
 * (the subgroups are not in session_groups), with sessions sharing a group list in one term, so the
 * SQL grows with the distinct lists (usually one or two), not with the sessions.
 */
function sessionMember(eb: Eb, sessionGroups: Map<string, string[]>) {
  const lists = new Map<string, { sessions: string[]; groups: string[] }>();
  for (const [sessionId, groups] of sessionGroups) {
    if (groups.length === 0) continue;
    const key = [...groups].sort().join();
    const list = lists.get(key) ?? { sessions: [], groups };
    list.sessions.push(sessionId);
    lists.set(key, list);
  }
  return eb.or(
    [...lists.values()].map((l) =>
      eb.and([eb('r.session_id', 'in', l.sessions), isActiveMember(eb, l.groups)]),
    ),
  );
}

/** Expected, or a walk-in: not an active member of another of the record's session's groups. */
const inPopulation = (eb: Eb, pop: Population) =>
  eb.or([isActiveMember(eb, pop.scopeGroups), eb.not(sessionMember(eb, pop.sessionGroups))]);

/** Records per session, state and expected (1) or walk-in (0). */
export function recordCounts(db: Db, org: string, sessionIds: string[], pop: Population) {
  const inner = db
    .selectFrom('presence_records as r')
    .innerJoin('participants as p', 'p.id', 'r.participant_id')
    .select((eb) => [
      'r.session_id',
      'r.state',
      eb.case().when(isActiveMember(eb, pop.scopeGroups)).then(1).else(0).end().as('expected'),
    ])
    .where('r.organization_id', '=', org)
    .where('r.session_id', 'in', orNone(sessionIds))
    .where((eb) => inPopulation(eb, pop));
  return db
    .selectFrom(inner.as('x'))
    .select((eb) => ['x.session_id', 'x.state', 'x.expected', eb.fn.countAll<number>().as('n')])
    .groupBy(['x.session_id', 'x.state', 'x.expected'])
    .execute();
}

export type RowFilter =
  { kind: 'all' } | { kind: 'state'; state: string } | { kind: 'missed'; presentCodes: string[] };
export interface RowKey {
  lastName: string;
  firstName: string;
  id: string;
}
export interface SessionRowsQuery {
  sessionId: string;
  scopeGroups: string[];
  sessionGroups: string[];
  filter: RowFilter;
  limit: number;
  offset?: number;
  after?: RowKey | undefined;
}

const missedState = (eb: Eb, presentCodes: string[]) =>
  eb.and([eb('r.state', 'not in', orNone(presentCodes)), eb('r.state', '!=', 'excused')]);

/** One session's rows (expected members, then walk-ins), by name; keyset (`after`) or offset paging. */
export function sessionRows(db: Db, org: string, q: SessionRowsQuery) {
  const f = q.filter;
  const columns = [
    'p.id as participant_id',
    'p.first_name',
    'p.last_name',
    'p.preferred_name',
    'r.state',
    'r.method',
    'r.recorded_at',
    'r.left_at',
    'u.display_name as recorded_by_name',
  ] as const;
  const after = (eb: PEb) =>
    q.after
      ? eb(
          eb.refTuple('p.last_name', 'p.first_name', 'p.id'),
          '>',
          eb.tuple(q.after.lastName, q.after.firstName, q.after.id),
        )
      : eb.and([]);
  const expected = db
    .selectFrom('participants as p')
    .leftJoin('presence_records as r', (j) =>
      j.onRef('r.participant_id', '=', 'p.id').on('r.session_id', '=', q.sessionId),
    )
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .select([...columns, sql<number>`1`.as('expected')])
    .where('p.organization_id', '=', org)
    .where((eb) => isActiveMember(eb, q.scopeGroups))
    .where(after)
    .where((eb) =>
      f.kind === 'all'
        ? eb.and([])
        : f.kind === 'state' && f.state === 'missing'
          ? eb('r.state', 'is', null)
          : f.kind === 'state'
            ? eb('r.state', '=', f.state)
            : eb.or([eb('r.state', 'is', null), missedState(eb, f.presentCodes)]),
    );
  const walkIns = db
    .selectFrom('presence_records as r')
    .innerJoin('participants as p', 'p.id', 'r.participant_id')
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .select([...columns, sql<number>`0`.as('expected')])
    .where('r.organization_id', '=', org)
    .where('r.session_id', '=', q.sessionId)
    .where('r.state', 'is not', null)
    .where((eb) =>
      eb.not(eb.or([isActiveMember(eb, q.sessionGroups), isActiveMember(eb, q.scopeGroups)])),
    )
    .where(after)
    .where((eb) =>
      f.kind === 'all'
        ? eb.and([])
        : f.kind === 'state'
          ? eb('r.state', '=', f.state)
          : missedState(eb, f.presentCodes),
    );
  const both = f.kind === 'state' && f.state === 'missing' ? expected : expected.unionAll(walkIns);
  return both
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('participant_id')
    .limit(q.limit)
    .offset(q.offset ?? 0)
    .execute();
}
export type SessionRow = Awaited<ReturnType<typeof sessionRows>>[number];

export interface WeekOfSession {
  sessionId: string;
  week: string;
}

/** Pairs of text as a derived table (VALUES: portable, any length; never empty, SQL has no empty VALUES). */
const pairTable = <A extends string, B extends string>(a: A, b: B, pairs: [string, string][]) =>
  sql<
    Record<A | B, string>
  >`(SELECT column1 AS ${sql.ref(a)}, column2 AS ${sql.ref(b)} FROM (VALUES ${sql.join(pairs.map(([x, y]) => sql`(${x}, ${y})`))}) AS v)`;

/** The sessions with their ISO week, as a derived table. */
const weekTable = (weeks: WeekOfSession[]) =>
  pairTable(
    'session_id',
    'week',
    weeks.map((w) => [w.sessionId, w.week]),
  );

/** Attended records in the given sessions, walk-ins included, members of other groups left out. */
const attendedIn = (db: Db, weeks: WeekOfSession[], pop: Population, presentCodes: string[]) =>
  db
    .selectFrom(weekTable(weeks).as('w'))
    .innerJoin('presence_records as r', 'r.session_id', 'w.session_id')
    .innerJoin('participants as p', 'p.id', 'r.participant_id')
    .where('r.state', 'in', orNone(presentCodes))
    .where((eb) => inPopulation(eb as unknown as Eb, pop));

/** Distinct attendees per week. */
export const weeklyAttendees = (
  db: Db,
  weeks: WeekOfSession[],
  pop: Population,
  presentCodes: string[],
) =>
  attendedIn(db, weeks, pop, presentCodes)
    .select((eb) => ['w.week', eb.fn.count<number>('r.participant_id').distinct().as('attendees')])
    .groupBy('w.week')
    .execute();

/**
 * For people whose first attended session anywhere in the organization started at or after
 * `since`: that start, and the start of the first of the given sessions they attended (null if none).
 */
export const firstAttendance = (
  db: Db,
  org: string,
  sessionIds: string[],
  pop: Population,
  presentCodes: string[],
  since: string,
) =>
  // From the organization's sessions into their records by the session index: a good plan even
  // before PostgreSQL has statistics (filtering records by organization was estimated at 8 rows).
  db
    .selectFrom('sessions as s')
    .innerJoin('presence_records as r', 'r.session_id', 's.id')
    .innerJoin('participants as p', 'p.id', 'r.participant_id')
    .select((eb) => [
      'r.participant_id',
      eb.fn.min('s.scheduled_start').as('first_at'),
      eb.fn
        .min(
          eb
            .case()
            .when(eb.and([eb('r.session_id', 'in', orNone(sessionIds)), inPopulation(eb, pop)]))
            .then(eb.ref('s.scheduled_start'))
            .end(),
        )
        .as('first_here'),
    ])
    .where('s.organization_id', '=', org)
    .where('r.state', 'in', orNone(presentCodes))
    .groupBy('r.participant_id')
    .having((eb) => eb.fn.min('s.scheduled_start'), '>=', since)
    .execute();

/** The group's last `limit` sessions that count by `until` and were not canceled. */
export const lastSessionsOf = (
  db: Db,
  org: string,
  groupId: string,
  until: string,
  limit: number,
) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('session_groups as sg', 'sg.session_id', 's.id')
    .select('s.id')
    .where('s.organization_id', '=', org)
    .where('sg.group_id', '=', groupId)
    .where('s.status', '!=', 'canceled')
    .where((eb) => counted(eb, until))
    .orderBy('s.scheduled_start', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();

/** Active participants (members of the groups, or of any group), by name, a page at a time: exports list them in that order. */
export function participantPage(
  db: Db,
  org: string,
  groupIds: string[] | undefined,
  after: RowKey | null,
  limit: number,
) {
  let q = db
    .selectFrom('participants')
    .select(['id', 'first_name', 'last_name', 'preferred_name'])
    .where('organization_id', '=', org)
    .where('active', '=', 1)
    .where('id', 'in', (eb) => {
      const m = eb
        .selectFrom('group_memberships')
        .select('participant_id')
        .where('organization_id', '=', org);
      return groupIds ? m.where('group_id', 'in', orNone(groupIds)) : m;
    });
  if (after)
    q = q.where((eb) =>
      eb(
        eb.refTuple('last_name', 'first_name', 'id'),
        '>',
        eb.tuple(after.lastName, after.firstName, after.id),
      ),
    );
  return q.orderBy('last_name').orderBy('first_name').orderBy('id').limit(limit).execute();
}

export interface MissedQuery {
  participantIds: string[];
  /** [member's group, session's group]: a member of the first is expected at the second's sessions (a group and its subgroups). */
  reach: [string, string][];
  sessionIds?: string[] | undefined;
  until: string;
  of: number;
  presentCodes: string[];
}

/** For each participant: missed sessions among their last `of` sessions (those `reach` leads to, of `sessionIds` if given). */
export async function missedOfLast(db: Db, p: MissedQuery) {
  if (p.reach.length === 0 || p.participantIds.length === 0) return [];
  let pairs = db
    .selectFrom('group_memberships as m')
    .innerJoin(
      pairTable('member_group', 'session_group', p.reach).as('t'),
      't.member_group',
      'm.group_id',
    )
    .innerJoin('session_groups as sg', 'sg.group_id', 't.session_group')
    .innerJoin('sessions as s', 's.id', 'sg.session_id')
    .select(['m.participant_id', 's.id as session_id', 's.scheduled_start'])
    .distinct()
    .where('m.participant_id', 'in', p.participantIds)
    .where('s.status', '!=', 'canceled')
    .where((eb) => counted(eb, p.until));
  if (p.sessionIds) pairs = pairs.where('s.id', 'in', orNone(p.sessionIds));
  const ranked = db.selectFrom(pairs.as('x')).select((eb) => [
    'x.participant_id',
    'x.session_id',
    eb.fn
      .agg<number>('row_number')
      .over((ob) =>
        ob
          .partitionBy('x.participant_id')
          .orderBy('x.scheduled_start', 'desc')
          .orderBy('x.session_id', 'desc'),
      )
      .as('rn'),
  ]);
  return db
    .selectFrom(ranked.as('k'))
    .leftJoin('presence_records as r', (j) =>
      j
        .onRef('r.session_id', '=', 'k.session_id')
        .onRef('r.participant_id', '=', 'k.participant_id'),
    )
    .select((eb) => [
      'k.participant_id',
      eb.fn.countAll<number>().as('considered'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.or([
                eb('r.state', 'is', null),
                eb.and([
                  eb('r.state', 'not in', orNone(p.presentCodes)),
                  eb('r.state', '!=', 'excused'),
                ]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('missed'),
    ])
    .where('k.rn', '<=', p.of)
    .groupBy('k.participant_id')
    .execute();
}

/** When each participant last attended any session (by the session's start). */
export function lastAttended(
  db: Db,
  org: string,
  participantIds: string[],
  presentCodes: string[],
) {
  return db
    .selectFrom('presence_records as r')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .select((eb) => ['r.participant_id', eb.fn.max('s.scheduled_start').as('at')])
    .where('r.organization_id', '=', org)
    .where('r.participant_id', 'in', orNone(participantIds))
    .where('r.state', 'in', orNone(presentCodes))
    .groupBy('r.participant_id')
    .execute();
}

// Device check-ins only (device_seq > 0; the server's own writes use 0); the method is read from
// the stored change, which is the JSON the device sent.
const methodOf = sql<string>`CASE ${sql.join(
  METHODS.map((m) => sql`WHEN c.payload LIKE ${`%"method":"${m}"%`} THEN ${m}`),
  sql` `,
)} ELSE 'other' END`;

/** Accepted check-ins per user and method over the given sessions. */
export function usherActivity(db: Db, org: string, sessionIds: string[]) {
  const inner = db
    .selectFrom('changes as c')
    .select(['c.user_id', methodOf.as('method')])
    .where('c.organization_id', '=', org)
    .where('c.kind', '=', 'presence.set')
    .where('c.device_seq', '>', 0)
    .where('c.status', 'in', ['applied', 'merged', 'conflict'])
    .where('c.session_id', 'in', orNone(sessionIds));
  return db
    .selectFrom(inner.as('x'))
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .select((eb) => [
      'x.user_id',
      'u.display_name',
      'u.role',
      'x.method',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['x.user_id', 'u.display_name', 'u.role', 'x.method'])
    .orderBy('u.display_name')
    .orderBy('x.method')
    .execute();
}
