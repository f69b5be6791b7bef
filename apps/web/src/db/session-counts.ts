// The device's "expected" and "arrived", as countSession (packages/shared) defines them for the
// server's live page and reports: the door's headcount, the roster's header and the usher's sessions
// list all read here, so a screen never counts on its own. Fed from Dexie through indexes only: the
// records of the sessions asked about (`sessionId`) and the members of their groups (`*groupIds`),
// never every record or every participant.
import {
  countSession,
  withDescendants,
  type Group,
  type Participant,
  type Session,
  type SessionCount,
} from '@rollcall/shared';
import type { LocalRecord, RollcallDb } from './db.ts';

export interface DeviceCount extends SessionCount {
  /** Arrivals who have been checked out since (departures); still in = arrived - left. */
  left: number;
}

/** Who the sessions expect and which states count: what changes with the roster, not with a scan. */
export interface Population {
  groups: Group[];
  members: Participant[];
  presentCodes: string[];
}

export async function populationOf(
  db: RollcallDb,
  sessions: readonly Pick<Session, 'groupIds'>[],
): Promise<Population> {
  const [groups, states] = await Promise.all([db.groups.toArray(), db.presenceStates.toArray()]);
  const groupIds = new Set<string>();
  for (const s of sessions) for (const g of withDescendants(s.groupIds, groups)) groupIds.add(g);
  const members = await db.participants
    .where('groupIds')
    .anyOf([...groupIds])
    .distinct()
    .toArray();
  const presentCodes = states.filter((s) => s.countsAsPresent).map((s) => s.code);
  return { groups, members, presentCodes };
}

/**
 * One session's count from its population and its records: pure, so the door recounts in memory
 * on every scan from the records it already shows (a walk-in needs no participant row: anyone
 * recorded who is not an active member is one).
 */
export function countWith(
  population: Population,
  session: Pick<Session, 'groupIds'>,
  records: readonly Pick<LocalRecord, 'participantId' | 'state' | 'leftAt'>[],
): DeviceCount {
  const count = countSession({
    sessionGroupIds: session.groupIds,
    groups: population.groups,
    participants: population.members,
    records,
    presentCodes: population.presentCodes,
  });
  const present = new Set(population.presentCodes);
  const left = records.filter((r) => r.leftAt && r.state !== null && present.has(r.state)).length;
  return { ...count, left };
}

export async function countSessionsOnDevice(
  db: RollcallDb,
  sessions: readonly Pick<Session, 'id' | 'groupIds'>[],
): Promise<Map<string, DeviceCount>> {
  const out = new Map<string, DeviceCount>();
  if (sessions.length === 0) return out;
  const [population, records] = await Promise.all([
    populationOf(db, sessions),
    db.records
      .where('sessionId')
      .anyOf(sessions.map((s) => s.id))
      .toArray(),
  ]);
  const bySession = new Map<string, typeof records>();
  for (const r of records) {
    const list = bySession.get(r.sessionId);
    if (list) list.push(r);
    else bySession.set(r.sessionId, [r]);
  }
  for (const s of sessions) out.set(s.id, countWith(population, s, bySession.get(s.id) ?? []));
  return out;
}

/** The door's headcount: who arrived and has not been checked out. */
export const stillIn = (c: DeviceCount) => c.arrived - c.left;
