// The device's "expected" and "arrived", as countSession (packages/shared) defines them for the
// server's live page and reports: the door's headcount, the roster's header and the usher's sessions
// list all read here, so a screen never counts on its own. Fed from Dexie through indexes only: the
// records of the sessions asked about (`sessionId`), the members of their groups (`*groupIds`) and
// whoever was recorded there, never every record or every participant.
import { countSession, withDescendants, type Session, type SessionCount } from '@rollcall/shared';
import type { RollcallDb } from './db.ts';

export interface DeviceCount extends SessionCount {
  /** Arrivals who have been checked out since (departures); still in = arrived - left. */
  left: number;
}

export async function countSessionsOnDevice(
  db: RollcallDb,
  sessions: readonly Pick<Session, 'id' | 'groupIds'>[],
): Promise<Map<string, DeviceCount>> {
  const out = new Map<string, DeviceCount>();
  if (sessions.length === 0) return out;
  const [groups, states, records] = await Promise.all([
    db.groups.toArray(),
    db.presenceStates.toArray(),
    db.records
      .where('sessionId')
      .anyOf(sessions.map((s) => s.id))
      .toArray(),
  ]);
  const groupIds = new Set<string>();
  for (const s of sessions) for (const g of withDescendants(s.groupIds, groups)) groupIds.add(g);
  const members = await db.participants
    .where('groupIds')
    .anyOf([...groupIds])
    .distinct()
    .toArray();
  // Recorded but in none of these groups: walk-ins, guests, inactive members.
  const known = new Set(members.map((p) => p.id));
  const others = [...new Set(records.map((r) => r.participantId))].filter((id) => !known.has(id));
  const walkIns = (await db.participants.bulkGet(others)).filter((p) => p !== undefined);
  const participants = [...members, ...walkIns];
  const presentCodes = states.filter((s) => s.countsAsPresent).map((s) => s.code);
  const present = new Set(presentCodes);
  const bySession = new Map<string, typeof records>();
  for (const r of records) {
    const list = bySession.get(r.sessionId);
    if (list) list.push(r);
    else bySession.set(r.sessionId, [r]);
  }
  for (const s of sessions) {
    const mine = bySession.get(s.id) ?? [];
    const count = countSession({
      sessionGroupIds: s.groupIds,
      groups,
      participants,
      records: mine,
      presentCodes,
    });
    const left = mine.filter((r) => r.leftAt && r.state !== null && present.has(r.state)).length;
    out.set(s.id, { ...count, left });
  }
  return out;
}

/** The door's headcount: who arrived and has not been checked out. */
export const stillIn = (c: DeviceCount) => c.arrived - c.left;
