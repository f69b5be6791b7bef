// What the ushers recorded, as the test saw each device confirm it, and what the server must hold
// because of it: per person the record (the earliest observation wins, agreeing or not) and, when
// the observations disagree, one open conflict holding each of them. A revoked temporary usher's
// observations made after the revocation count for nothing.
import type { Conflict, ConflictVersion, Participant, PresenceRecord } from '@rollcall/shared';

export interface Observation {
  /** The order the test saw it confirmed in: the same clock stamps the device's HLC. */
  seq: number;
  usher: string;
  participantId: string;
  state: string;
  method: string;
  refused: boolean;
}

/** One person's attendance as the server shows it, in comparable form. */
export interface Outcome {
  state: string;
  method: string;
  usher: string;
  conflict: boolean;
  /** `usher:state` of every version in the open conflict, sorted; empty without one. */
  versions: string[];
}

export class Ledger {
  readonly observations: Observation[] = [];
  private revoked = new Set<string>();

  add(o: Omit<Observation, 'seq' | 'refused'>) {
    this.observations.push({
      ...o,
      seq: this.observations.length,
      refused: this.revoked.has(o.usher),
    });
  }

  /** From now on this usher's observations must be refused. */
  revoke(usher: string) {
    this.revoked.add(usher);
  }

  of(usher: string, which: 'accepted' | 'refused' | 'all' = 'all') {
    return this.observations.filter(
      (o) => o.usher === usher && (which === 'all' || o.refused === (which === 'refused')),
    );
  }

  /** The outcome per participant of the accepted observations that `include` lets through. */
  expected(include: (o: Observation) => boolean = () => true): Map<string, Outcome> {
    const byPerson = new Map<string, Observation[]>();
    for (const o of this.observations.filter((x) => !x.refused && include(x)))
      byPerson.set(o.participantId, [...(byPerson.get(o.participantId) ?? []), o]);
    const out = new Map<string, Outcome>();
    for (const [id, obs] of byPerson) {
      const first = obs.reduce((a, b) => (a.seq < b.seq ? a : b));
      const conflict = new Set(obs.map((o) => o.state)).size > 1;
      out.set(id, {
        state: first.state,
        method: first.method,
        usher: first.usher,
        conflict,
        versions: conflict ? obs.map((o) => `${o.usher}:${o.state}`).sort() : [],
      });
    }
    return out;
  }
}

/** The server's side in the same form: the session's records and its open conflicts. */
export function serverOutcomes(
  records: PresenceRecord[],
  conflicts: Conflict[],
  emailOf: (userId: string) => string,
): Map<string, Outcome> {
  const open = new Map(conflicts.map((c) => [c.participantId, c]));
  const version = (v: ConflictVersion) => `${emailOf(v.userId)}:${v.state}`;
  const out = new Map<string, Outcome>();
  for (const r of records) {
    if (r.state === null) continue;
    const c = open.get(r.participantId);
    out.set(r.participantId, {
      state: r.state,
      method: r.method,
      usher: emailOf(r.recordedBy),
      conflict: r.hasConflict,
      versions: c ? [c.versionA, c.versionB, ...c.otherVersions].map(version).sort() : [],
    });
  }
  for (const [id, c] of open)
    if (!out.has(id))
      out.set(id, { ...NO_RECORD, conflict: true, versions: [version(c.versionA)] });
  return out;
}

const NO_RECORD: Outcome = { state: '-', method: '-', usher: '-', conflict: false, versions: [] };
const show = (o: Outcome | undefined) =>
  o
    ? `${o.state} by ${o.method} from ${o.usher}${o.conflict ? ` CONFLICT[${o.versions.join(', ')}]` : ''}`
    : 'nothing';

/** One readable line per person whose outcome differs; empty when both sides agree. */
export function differences(
  expected: Map<string, Outcome>,
  actual: Map<string, Outcome>,
  people: Map<string, Participant>,
): string[] {
  const ids = [...new Set([...expected.keys(), ...actual.keys()])];
  return ids
    .filter((id) => show(expected.get(id)) !== show(actual.get(id)))
    .map((id) => {
      const p = people.get(id);
      return `${p ? `${p.firstName} ${p.lastName} (${p.personalCode})` : id}: expected ${show(expected.get(id))}, server has ${show(actual.get(id))}`;
    })
    .sort();
}

/** How many records are in each state. */
export function stateCounts(outcomes: Iterable<{ state: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.state] = (counts[o.state] ?? 0) + 1;
  return counts;
}

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF), enough for the report exports. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) cell += c;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
