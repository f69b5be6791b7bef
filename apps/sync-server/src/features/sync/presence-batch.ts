// Folds one batch of presence changes through the pure conflict rules, in memory, and collects
// the rows to write. The database sees one set-based statement per table afterwards.
import {
  departureMs,
  mergeDeparture,
  decodeKeyState,
  encodeKeyState,
  reconcile,
  type ConflictPolicy,
  type ConflictState,
  type Departure,
  type KeyState,
  type Observation,
} from '@rollcall/conflict';
import { uuidv7, type Change } from '@rollcall/shared';
import type { Insertable } from 'kysely';
import type { PresenceRecordRow, PresenceRecordTable, SyncConflictTable } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { parseJson } from '../../lib/json.ts';

export type PresenceOutcome =
  | { status: 'applied' | 'merged'; version: number; conflictId?: string }
  | { status: 'conflict'; version: number; conflictId: string };

interface KeyEntry {
  row: PresenceRecordRow | null; // as loaded, for the audit log's old values
  state: KeyState | null;
  conflictId: string | null; // the current conflict episode
  conflictIsNew: boolean;
  dirty: boolean;
  departure: Departure | null; // the latest check-out, kept beside the presence rules
}

export const keyOf = (sessionId: string, participantId: string) => `${sessionId}|${participantId}`;

export function toObservation(c: Change, deviceId: string, userId: string): Observation {
  return {
    changeId: c.changeId,
    deviceId,
    deviceSeq: c.deviceSeq,
    userId,
    state: c.kind === 'presence.clear' ? null : (c.state ?? null),
    method: c.method ?? 'manual',
    recordedAt: c.recordedAt,
    hlc: c.hlc,
    baseVersion: c.baseVersion,
  };
}

export const toDeparture = (c: Change, deviceId: string, userId: string): Departure => ({
  changeId: c.changeId,
  deviceId,
  userId,
  hlc: c.hlc,
});

export function keyStateFromRow(row: PresenceRecordRow): KeyState {
  try {
    return decodeKeyState(row.key_state, row.version);
  } catch (e) {
    throw new Error(`presence record ${row.id}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function createPresenceBatch(
  rows: PresenceRecordRow[],
  policy: ConflictPolicy,
  nowMs: number,
) {
  const keys = new Map<string, KeyEntry>();
  for (const row of rows) {
    const state = keyStateFromRow(row);
    keys.set(keyOf(row.session_id, row.participant_id), {
      row,
      state,
      conflictId: state.conflict ? row.conflict_id : null,
      conflictIsNew: false,
      dirty: false,
      departure: parseJson<Departure | null>(row.departure ?? 'null', null),
    });
  }
  // Each conflict episode touched by the batch, with the last versions it held.
  const conflictRows = new Map<
    string,
    { key: string; isNew: boolean; last: ConflictState; open: boolean }
  >();

  function apply(sessionId: string, participantId: string, obs: Observation): PresenceOutcome {
    const key = keyOf(sessionId, participantId);
    const entry = keys.get(key) ?? {
      row: null,
      state: null,
      conflictId: null,
      conflictIsNew: false,
      dirty: false,
      departure: null,
    };
    keys.set(key, entry);
    const r = reconcile(entry.state, obs, policy);
    if (r.next.conflict && !entry.conflictId) {
      entry.conflictId = uuidv7(nowMs);
      entry.conflictIsNew = true;
    }
    const episode = entry.conflictId ? conflictRows.get(entry.conflictId) : undefined;
    const last = r.next.conflict ?? episode?.last ?? entry.state?.conflict;
    if (entry.conflictId && last && (r.next.conflict || r.conflictClosed)) {
      conflictRows.set(entry.conflictId, {
        key,
        isNew: entry.conflictIsNew,
        last,
        open: !!r.next.conflict,
      });
    }
    if (r.conflictClosed) entry.conflictId = null;
    entry.state = r.next;
    // Not only when the record's values change: a merged agreement joins the live set, and a
    // key state that forgot it would let a later change that never saw it supersede it.
    entry.dirty ||= r.stateChanged;
    const version = r.next.version;
    const conflictId = entry.conflictId;
    if (r.outcome.kind === 'conflict') {
      // A conflict outcome leaves the conflict open, so its episode got an id above.
      if (!conflictId) throw new Error(`conflict on ${key} without its episode id`);
      return { status: 'conflict', version, conflictId };
    }
    const status = r.outcome.kind === 'applied' ? 'applied' : 'merged';
    return r.next.conflict && conflictId ? { status, version, conflictId } : { status, version };
  }

  /**
   * A check-out: only of someone whose record (as this batch left it) counts as present; the
   * latest departure stands (packages/conflict). Leaves the presence version alone: a device's
   * next change on top of it has seen every observation it had seen before.
   */
  function depart(
    sessionId: string,
    participantId: string,
    d: Departure,
    presentCodes: Set<string>,
  ): PresenceOutcome | null {
    const entry = keys.get(keyOf(sessionId, participantId));
    const state = entry?.state?.record.state;
    if (!entry?.state || !state || !presentCodes.has(state)) return null;
    const r = mergeDeparture(entry.departure, d);
    if (r.outcome === 'applied') {
      entry.departure = r.next;
      entry.dirty = true;
    }
    return { status: r.outcome, version: entry.state.version };
  }

  return { apply, depart, keys, conflictRows };
}

export type PresenceBatch = ReturnType<typeof createPresenceBatch>;

export function recordRowsToWrite(
  batch: PresenceBatch,
  organizationId: string,
  nowIso: string,
  newId: () => string,
  nextSeq: () => number,
): Insertable<PresenceRecordTable>[] {
  const rows: Insertable<PresenceRecordTable>[] = [];
  for (const [key, e] of batch.keys) {
    if (!e.dirty || !e.state) continue;
    const [sessionId, participantId] = key.split('|') as [string, string];
    const { record, conflict } = e.state;
    rows.push({
      id: e.row?.id ?? newId(),
      organization_id: organizationId,
      session_id: sessionId,
      participant_id: participantId,
      state: record.state,
      method: record.method,
      recorded_at: record.recordedAt,
      recorded_by: record.userId,
      device_id: record.deviceId,
      change_id: record.changeId,
      version: e.state.version,
      has_conflict: conflict?.status === 'open' ? 1 : 0,
      conflict_id: conflict ? e.conflictId : null,
      key_state: encodeKeyState(e.state),
      left_at: e.departure ? iso(departureMs(e.departure)) : null,
      departure: e.departure ? JSON.stringify(e.departure) : null,
      created_at: e.row?.created_at ?? nowIso,
      updated_at: nowIso,
      seq: nextSeq(),
    });
  }
  return rows;
}

export function conflictRowsToWrite(batch: PresenceBatch, organizationId: string, nowIso: string) {
  const created: Insertable<SyncConflictTable>[] = [];
  const updated: Insertable<SyncConflictTable>[] = [];
  for (const [id, { key, isNew, last, open }] of batch.conflictRows) {
    const [sessionId, participantId] = key.split('|') as [string, string];
    const versions = last.versions;
    // Closed within the batch: the devices came to agree, or a later informed write superseded it.
    const status = open ? last.status : 'auto_resolved';
    const row: Insertable<SyncConflictTable> = {
      id,
      organization_id: organizationId,
      session_id: sessionId,
      participant_id: participantId,
      status,
      base_version: Math.min(...versions.map((v) => v.baseVersion)),
      version_a: JSON.stringify(versions[0]),
      version_b: JSON.stringify(versions[1] ?? versions[0]),
      other_versions: JSON.stringify(versions.slice(2)),
      rule:
        status === 'auto_resolved'
          ? open
            ? (last.rule ?? null)
            : 'the devices now agree or a later change superseded it'
          : null,
      resolved_at: status === 'auto_resolved' ? nowIso : null,
      created_at: nowIso,
      updated_at: nowIso,
    };
    (isNew ? created : updated).push(row);
  }
  return { created, updated };
}
