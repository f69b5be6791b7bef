// A presence write made by the server on an admin's decision (a conflict resolution, an approved
// excuse, an import of past attendance). It is a change like any other: a new version, a new sync seq so every device pulls it,
// and a row in the applied change log.
import { encodeKeyState, type Observation } from '@rollcall/conflict';
import { uuidv7, type Method } from '@rollcall/shared';
import type { Transaction } from 'kysely';
import type { Database, PresenceRecordRow } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import type { SeqAllocator } from './seq.repository.ts';

export interface ServerPresence {
  sessionId: string;
  participantId: string;
  state: string | null;
  /** resolution, excuse or import; the demo's history uses the door's own methods. */
  method: Method | 'excuse';
  conflictId: string | null;
  /** Why the server wrote it, kept in the change log. */
  payload: unknown;
  /** When it happened, if not now (imported attendance keeps its arrival time). */
  recordedAt?: number;
}

export async function writeServerPresence(
  trx: Transaction<Database>,
  seq: SeqAllocator,
  auth: AuthContext,
  nowMs: number,
  w: ServerPresence,
): Promise<PresenceRecordRow> {
  const existing = await trx
    .selectFrom('presence_records')
    .selectAll()
    .where('session_id', '=', w.sessionId)
    .where('participant_id', '=', w.participantId)
    .executeTakeFirst();
  const { fields, change } = build(existing, w, auth, nowMs, seq);
  let row: PresenceRecordRow;
  if (existing) {
    await trx.updateTable('presence_records').set(fields).where('id', '=', existing.id).execute();
    row = { ...existing, ...fields };
  } else {
    row = newRow(w, auth, nowMs, fields);
    await trx.insertInto('presence_records').values(row).execute();
  }
  await trx.insertInto('changes').values(change).execute();
  return row;
}

/**
 * The same write for many records the caller knows do not exist yet (an import's new rows, planned
 * in this transaction): two multi-row inserts per 500 instead of three statements per record.
 */
export async function insertServerPresences(
  trx: Transaction<Database>,
  seq: SeqAllocator,
  auth: AuthContext,
  nowMs: number,
  list: ServerPresence[],
) {
  for (let i = 0; i < list.length; i += 500) {
    const built = list
      .slice(i, i + 500)
      .map((w) => ({ w, ...build(undefined, w, auth, nowMs, seq) }));
    await trx
      .insertInto('presence_records')
      .values(built.map((b) => newRow(b.w, auth, nowMs, b.fields)))
      .execute();
    await trx
      .insertInto('changes')
      .values(built.map((b) => b.change))
      .execute();
  }
}

function build(
  existing: PresenceRecordRow | undefined,
  w: ServerPresence,
  auth: AuthContext,
  nowMs: number,
  seq: SeqAllocator,
) {
  const nowIso = iso(nowMs);
  const recordedAt = w.recordedAt === undefined ? nowIso : iso(w.recordedAt);
  const prevVersion = existing?.version ?? 0;
  const obs: Observation = {
    changeId: uuidv7(nowMs),
    deviceId: auth.deviceId,
    deviceSeq: 0,
    userId: auth.userId,
    state: w.state,
    method: w.method,
    recordedAt,
    hlc: `${String(nowMs).padStart(15, '0')}-00000-server`,
    baseVersion: prevVersion,
  };
  const version = prevVersion + 1;
  const fields = {
    state: w.state,
    method: w.method,
    recorded_at: recordedAt,
    recorded_by: auth.userId,
    device_id: auth.deviceId,
    change_id: obs.changeId,
    version,
    has_conflict: 0,
    conflict_id: w.conflictId ?? existing?.conflict_id ?? null,
    // The server's decision supersedes every observation: the key holds only it, from this version.
    key_state: encodeKeyState({
      version,
      record: obs,
      current: [{ observation: obs, since: version }],
      conflict: null,
    }),
    updated_at: nowIso,
    seq: seq.next(),
  };
  const change = {
    change_id: obs.changeId,
    organization_id: auth.organizationId,
    device_id: auth.deviceId,
    device_seq: 0,
    user_id: auth.userId,
    kind: w.state === null ? 'presence.clear' : 'presence.set',
    session_id: w.sessionId,
    participant_id: w.participantId,
    payload: JSON.stringify(w.payload),
    status: 'applied',
    version,
    conflict_id: w.conflictId,
    grace_accepted: 0,
    received_at: nowIso,
    history_id: w.conflictId ?? obs.changeId,
  };
  return { fields, change };
}

const newRow = (
  w: ServerPresence,
  auth: AuthContext,
  nowMs: number,
  fields: ReturnType<typeof build>['fields'],
): PresenceRecordRow => ({
  id: uuidv7(nowMs),
  organization_id: auth.organizationId,
  session_id: w.sessionId,
  participant_id: w.participantId,
  created_at: iso(nowMs),
  left_at: null,
  departure: null,
  ...fields,
});
