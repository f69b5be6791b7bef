// Who a session expects and who arrived, defined once. The report SQL (the sync server's
// reports.repository.ts) counts the same way; a contract test there holds the two together.
//   expected = active participants who are members of the session's groups or their subgroups;
//   arrived  = everyone with a record in a state that counts as present: expected members and
//              walk-ins alike (a walk-in is recorded but not an active member);
//   arrivedExpected = the expected members among them (the attendance rate's numerator).
import { withDescendants } from './groups.ts';

export interface CountInput {
  /** The session's own groups; their subgroups are added here. */
  sessionGroupIds: readonly string[];
  groups: readonly { id: string; parentId: string | null }[];
  participants: readonly { id: string; active: boolean; groupIds: readonly string[] }[];
  /** The session's records; a null state is a cleared record. */
  records: readonly { participantId: string; state: string | null }[];
  presentCodes: readonly string[];
}

export interface SessionCount {
  expected: number;
  arrived: number;
  arrivedExpected: number;
  walkIns: number;
}

export function countSession(input: CountInput): SessionCount {
  const groups = withDescendants(input.sessionGroupIds, input.groups);
  const members = new Set(
    input.participants
      .filter((p) => p.active && p.groupIds.some((g) => groups.has(g)))
      .map((p) => p.id),
  );
  const present = new Set(input.presentCodes);
  const out: SessionCount = { expected: members.size, arrived: 0, arrivedExpected: 0, walkIns: 0 };
  for (const r of input.records) {
    if (r.state === null) continue;
    const member = members.has(r.participantId);
    if (!member) out.walkIns += 1;
    if (!present.has(r.state)) continue;
    out.arrived += 1;
    if (member) out.arrivedExpected += 1;
  }
  return out;
}
