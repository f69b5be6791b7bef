import { explainConflict, type Observation } from '@rollcall/conflict';
import type { Conflict, ConflictStatus, ConflictVersion } from '@rollcall/shared';
import type { ConflictRow } from '../../db/schema.ts';
import { parseJson } from '../../lib/json.ts';

type Names = {
  users: Map<string, string>;
  devices: Map<string, string | null>;
  /** When the server received each version's change (by change id). */
  received?: Map<string, string>;
};
export type ConflictWithNames = ConflictRow & {
  session_name: string;
  first_name: string;
  last_name: string;
};

export const versionsOf = (r: ConflictRow): Observation[] =>
  [
    parseJson<Observation>(r.version_a, null as never),
    parseJson<Observation>(r.version_b, null as never),
    ...parseJson<Observation[]>(r.other_versions, []),
  ].filter(Boolean);

function toVersion(o: Observation, names: Names): ConflictVersion {
  return {
    changeId: o.changeId,
    deviceId: o.deviceId,
    deviceName: names.devices.get(o.deviceId) ?? null,
    userId: o.userId,
    userName: names.users.get(o.userId) ?? null,
    state: o.state,
    method: o.method,
    recordedAt: o.recordedAt,
    hlc: o.hlc,
    baseVersion: o.baseVersion,
    receivedAt: names.received?.get(o.changeId) ?? null,
  };
}

export function toConflict(r: ConflictWithNames, names: Names): Conflict {
  const [a, b, ...rest] = versionsOf(r);
  const status = r.status as ConflictStatus;
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionName: r.session_name,
    participantId: r.participant_id,
    participantName: `${r.first_name} ${r.last_name}`.trim(),
    status,
    baseVersion: r.base_version,
    versionA: toVersion(a!, names),
    versionB: toVersion(b ?? a!, names),
    otherVersions: rest.map((o) => toVersion(o, names)),
    resolution:
      status === 'open'
        ? null
        : {
            choice: r.resolution_choice ?? 'automatic',
            state: r.resolution_state,
            note: r.resolution_note,
            resolvedBy: r.resolved_by ? (names.users.get(r.resolved_by) ?? r.resolved_by) : null,
            resolvedAt: r.resolved_at ?? r.updated_at,
            rule: r.rule,
          },
    explanation: explainConflict({
      status: status === 'open' ? 'open' : 'auto_resolved',
      versions: [a!, b ?? a!, ...rest],
    }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const idsIn = (rows: ConflictRow[]) => {
  const all = rows.flatMap(versionsOf);
  return {
    userIds: [...new Set(all.map((o) => o.userId))],
    deviceIds: [...new Set(all.map((o) => o.deviceId))],
    changeIds: [...new Set(all.map((o) => o.changeId))],
  };
};
