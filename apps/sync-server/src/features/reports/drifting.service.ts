// Who is drifting away: active participants who missed at least `missed` of their last `of`
// sessions (of the group, or of all their groups). Missed means absent, any other state that
// neither counts as present nor is excused, or no record; excused is not missed. Only sessions
// that were not canceled and have started count, or that someone has already checked in to (an
// early arrival attended it, as in the attendance report). Members of a group's subgroups are expected at its
// sessions, as everywhere in the reports. Participants are read a page at a time, by name.
import { withDescendants } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import * as repo from './reports.repository.ts';
import { statesOf } from './report-scope.ts';

export interface DriftingQuery {
  groupId?: string | undefined;
  missed?: number | undefined;
  of?: number | undefined;
}
const PAGE = 1000;

/** [member's group, session's group] pairs: each group (or only `groupId`) reaches its subgroups' members. */
async function reachOf(db: Kysely<Database>, org: string, groupId: string | undefined) {
  const tree = await repo.groupTree(db, org);
  const roots = groupId ? [groupId] : tree.map((g) => g.id);
  return roots.flatMap((root) =>
    [...withDescendants([root], tree)].map((member): [string, string] => [member, root]),
  );
}

export async function* driftingPages(
  db: Kysely<Database>,
  org: string,
  q: DriftingQuery,
  nowMs: number,
  pageSize = PAGE,
) {
  if (q.groupId && !(await repo.findGroup(db, org, q.groupId)))
    throw notFound(`Group ${q.groupId}`);
  const { presentCodes } = await statesOf(db, org);
  const missed = q.missed ?? 2;
  const of = q.of ?? 3;
  // A group's members share its sessions: only its last `of` need looking at.
  const sessionIds = q.groupId
    ? (await repo.lastSessionsOf(db, org, q.groupId, iso(nowMs), of)).map((s) => s.id)
    : undefined;
  const reach = await reachOf(db, org, q.groupId);
  const memberGroups = q.groupId ? reach.map(([member]) => member) : undefined;
  let after: repo.RowKey | null = null;
  for (;;) {
    const people = await repo.participantPage(db, org, memberGroups, after, pageSize);
    if (people.length === 0) return;
    const tallies = await repo.missedOfLast(db, {
      participantIds: people.map((p) => p.id),
      reach,
      sessionIds,
      until: iso(nowMs),
      of,
      presentCodes,
    });
    const drifting = new Map(
      tallies.filter((t) => Number(t.missed) >= missed).map((t) => [t.participant_id, t]),
    );
    const last = new Map(
      (await repo.lastAttended(db, org, [...drifting.keys()], presentCodes)).map((l) => [
        l.participant_id,
        l.at,
      ]),
    );
    yield people
      .filter((p) => drifting.has(p.id))
      .map((p) => ({
        participantId: p.id,
        participantName: `${p.preferred_name ?? p.first_name} ${p.last_name}`.trim(),
        missed: Number(drifting.get(p.id)!.missed),
        of: Number(drifting.get(p.id)!.considered),
        lastAttendedAt: last.get(p.id) ?? null,
      }));
    if (people.length < pageSize) return;
    const end = people[people.length - 1]!;
    after = { lastName: end.last_name, firstName: end.first_name, id: end.id };
  }
}

export async function driftingReport(
  db: Kysely<Database>,
  org: string,
  q: DriftingQuery,
  nowMs: number,
) {
  const items = [];
  for await (const page of driftingPages(db, org, q, nowMs)) items.push(...page);
  items.sort((a, b) => b.missed - a.missed || a.participantName.localeCompare(b.participantName));
  return {
    generatedAt: iso(nowMs),
    groupId: q.groupId ?? null,
    missed: q.missed ?? 2,
    of: q.of ?? 3,
    total: items.length,
    items,
  };
}
