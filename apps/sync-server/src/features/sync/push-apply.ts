// Applies the fresh (never seen) changes of a batch in device order: participant creations first
// become rows, presence changes fold through the conflict rules, then everything is written set-based.
import type { ConflictPolicy } from '@rollcall/conflict';
import type { Change, ChangeResult, RejectionCode } from '@rollcall/shared';
import type { Insertable, Transaction } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type {
  ChangeTable,
  Database,
  PresenceRecordRow,
  PresenceRecordTable,
} from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import {
  createPresenceBatch,
  conflictRowsToWrite,
  recordRowsToWrite,
  toDeparture,
  toObservation,
} from './presence-batch.ts';
import { createParticipants } from './participant-create.ts';
import type { SeqAllocator } from './seq.repository.ts';
import { rejected, type Fresh, type Results } from './push-item.ts';
import * as repo from './sync.repository.ts';
import { auditRecordChanges } from './push-history.ts';
import { batchIds } from './batch-ids.ts';

type PresenceChange = Exclude<Change, { kind: 'participant.create' }>;

interface ApplyInput {
  auth: AuthContext;
  dialect: Dialect;
  fresh: Fresh[];
  /** Only participant creations take a seq while planning; null when the batch has none. */
  seq: SeqAllocator | null;
  policy: ConflictPolicy;
  nowMs: number;
  historyId: string;
  /** Sessions that started before this are past the organization's retention limit. */
  retainedSince: string;
}

/**
 * Reads what the batch needs and folds it through the conflict rules; writes nothing but
 * participant creations. Every change gets its result here.
 */
export async function planFresh(trx: Transaction<Database>, input: ApplyInput) {
  const { auth, nowMs } = input;
  const org = auth.organizationId;
  const ordered = input.fresh
    .filter((f) => !f.duplicateOf)
    .sort((a, b) => a.change.deviceSeq - b.change.deviceSeq);
  const sessionIds = [
    ...new Set(ordered.flatMap((f) => (f.change.sessionId ? [f.change.sessionId] : []))),
  ];
  const participantIds = [...new Set(ordered.map((f) => f.change.participantId))];
  const [sessions, known, records, states] = await Promise.all([
    repo.findSessions(trx, org, sessionIds),
    repo.findParticipantIds(trx, org, participantIds),
    repo.findRecords(trx, org, sessionIds, participantIds),
    trx
      .selectFrom('presence_states')
      .select(['code', 'counts_as_present'])
      .where('organization_id', '=', org)
      .where('active', '=', 1)
      .execute(),
  ]);
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const participants = new Set(known);
  const stateCodes = new Set(states.map((s) => s.code));
  const presentCodes = new Set(states.filter((s) => s.counts_as_present === 1).map((s) => s.code));
  const batch = createPresenceBatch(records, input.policy, nowMs);
  const creations = ordered.flatMap((f) =>
    f.change.kind === 'participant.create' ? [{ ...f, change: f.change }] : [],
  );
  if (creations.length > 0 && !input.seq) throw new Error('participant creations need the seq');
  const results: Results = input.seq
    ? await createParticipants(trx, org, creations, participants, input.seq, nowMs)
    : new Map<number, ChangeResult>();
  const touchedSessions = new Set<string>();

  for (const f of ordered) {
    const change = f.change;
    if (change.kind === 'participant.create') continue; // settled by createParticipants
    const why = presenceProblem(change, sessionById, participants, stateCodes, input.retainedSince);
    if (why) {
      results.set(f.item.index, rejected(f.item, change.changeId, why));
      continue;
    }
    const { sessionId, participantId } = change;
    const out =
      change.kind === 'presence.checkout'
        ? batch.depart(
            sessionId,
            participantId,
            toDeparture(change, auth.deviceId, auth.userId),
            presentCodes,
          )
        : batch.apply(sessionId, participantId, toObservation(change, auth.deviceId, auth.userId));
    if (!out) {
      results.set(
        f.item.index,
        rejected(f.item, change.changeId, {
          code: 'not_checked_in',
          reason: `Participant ${participantId} is not checked in to session "${sessionById.get(sessionId)?.name ?? sessionId}": there is nothing to check out`,
        }),
      );
      continue;
    }
    results.set(f.item.index, {
      index: f.item.index,
      changeId: change.changeId,
      ...out,
      ...(f.graceAccepted ? { graceAccepted: true } : {}),
    });
    touchedSessions.add(sessionId);
  }
  for (const f of input.fresh) {
    if (f.duplicateOf) results.set(f.item.index, duplicateOfBatch(f, results));
  }
  const nowIso = iso(nowMs);
  // Seqs are given out by writeRecords, once the counter is locked.
  const newId = batchIds(nowMs);
  const recordRows = recordRowsToWrite(batch, org, nowIso, newId, () => 0);
  const read = new Map(records.map((r) => [r.id, Number(r.seq)]));
  const mirrorsDevice = everyChangeAsSent(ordered, results) && plainRows(recordRows, records);
  return {
    mirrorsDevice,
    input,
    ordered,
    results,
    batch,
    sessionById,
    touchedSessions,
    recordRows,
    read,
    newId,
    sessionIds,
    participantIds,
  };
}

export type Plan = Awaited<ReturnType<typeof planFresh>>;

// Whether the pushing device, once it settles the results, holds every record this plan writes as
// the server will (push-outbox.ts then skips pulling them back). It does when each change was a
// presence set applied as sent (or a replay, or refused: those write nothing), and when neither
// the written record nor what it replaced carries a conflict or a departure, which a device
// learns only by pulling.
function everyChangeAsSent(ordered: Fresh[], results: Results) {
  return ordered.every((f) => {
    const status = results.get(f.item.index)?.status;
    if (status === 'applied') return f.change.kind === 'presence.set';
    return status === 'duplicate' || status === 'rejected';
  });
}

type PlainFields = Pick<PresenceRecordRow, 'has_conflict' | 'conflict_id' | 'left_at'>;
const isPlain = (r: Partial<PlainFields>) =>
  !Number(r.has_conflict ?? 0) && (r.conflict_id ?? null) === null && (r.left_at ?? null) === null;

function plainRows(written: Insertable<PresenceRecordTable>[], before: PresenceRecordRow[]) {
  const beforeById = new Map(before.map((r) => [r.id, r]));
  return written.every((row) => {
    const old = row.id === undefined ? undefined : beforeById.get(row.id);
    return isPlain(row) && (!old || isPlain(old));
  });
}

/** The change log and the audit of the plan: rows no seq orders, so no lock is needed first. */
export async function writeLog(trx: Transaction<Database>, plan: Plan) {
  const { auth, historyId } = plan.input;
  const nowIso = iso(plan.input.nowMs);
  const { dialect } = plan.input;
  const changes = changeRows(plan.ordered, plan.results, auth, nowIso, historyId);
  await repo.insertJsonRows(trx, dialect, 'changes', changes);
  await auditRecordChanges(trx, dialect, plan, auth, nowIso);
}

/**
 * True when the records the plan read are still as it read them (none added, changed or
 * removed). Call with the counter locked: every record write holds that lock, so nothing can
 * change them between this check and the commit.
 */
export async function planStillHolds(trx: Transaction<Database>, plan: Plan) {
  const now = await repo.findRecords(
    trx,
    plan.input.auth.organizationId,
    plan.sessionIds,
    plan.participantIds,
  );
  return now.length === plan.read.size && now.every((r) => plan.read.get(r.id) === Number(r.seq));
}

/** Records and conflicts of the plan, each record with the organization's next seq. */
export async function writeRecords(trx: Transaction<Database>, plan: Plan, seq: SeqAllocator) {
  const org = plan.input.auth.organizationId;
  const nowIso = iso(plan.input.nowMs);
  for (const row of plan.recordRows) row.seq = seq.next();
  await repo.upsertRecords(trx, plan.input.dialect, plan.recordRows);
  const conflicts = conflictRowsToWrite(plan.batch, org, nowIso);
  await repo.saveConflicts(trx, conflicts.created, conflicts.updated);
  // Open conflicts, new or updated, for the notification producer (each notifies once, by id).
  const openConflicts = [...conflicts.created, ...conflicts.updated]
    .filter((c) => c.status === 'open')
    .map((c) => ({
      id: c.id,
      sessionId: c.session_id,
      participantId: c.participant_id,
      sessionName: plan.sessionById.get(c.session_id)?.name ?? 'a session',
    }));
  return { touchedSessions: plan.touchedSessions, openConflicts };
}

function presenceProblem(
  c: PresenceChange,
  sessions: Map<string, { status: string; name: string; scheduled_start: string }>,
  participants: Set<string>,
  states: Set<string>,
  retainedSince: string,
): { code: RejectionCode; reason: string } | null {
  const session = sessions.get(c.sessionId);
  if (!session)
    return {
      code: 'unknown_session',
      reason: `Session ${c.sessionId} does not exist in your organization`,
    };
  if (session.status === 'canceled')
    return { code: 'session_canceled', reason: `Session "${session.name}" was canceled` };
  // Retention may have removed this session's records and their change log: applying the change
  // would bring back what was deliberately deleted.
  if (session.scheduled_start < retainedSince) {
    return {
      code: 'past_retention',
      reason: `Session "${session.name}" (${session.scheduled_start.slice(0, 10)}) is older than your organization keeps attendance (since ${retainedSince.slice(0, 10)})`,
    };
  }
  if (!participants.has(c.participantId)) {
    return {
      code: 'unknown_participant',
      reason: `Participant ${c.participantId} does not exist in your organization`,
    };
  }
  if (c.kind === 'presence.set' && !states.has(c.state)) {
    return {
      code: 'unknown_state',
      reason: `"${c.state}" is not a presence state of your organization`,
    };
  }
  return null;
}

function duplicateOfBatch(f: Fresh, results: Results): ChangeResult {
  const first = f.duplicateOf && results.get(f.duplicateOf.index);
  if (!first) throw new Error(`change ${f.item.index} repeats a change that has no result`);
  if (first.status === 'rejected') return { ...first, index: f.item.index };
  const { index: _i, changeId: _c, status, ...rest } = first;
  const original = { status: status as 'applied' | 'merged' | 'conflict', ...rest };
  return {
    index: f.item.index,
    changeId: f.change.changeId,
    ...rest,
    status: 'duplicate' as const,
    original,
  };
}

function changeRows(
  ordered: Fresh[],
  results: Results,
  auth: AuthContext,
  nowIso: string,
  historyId: string,
): Insertable<ChangeTable>[] {
  return ordered.flatMap((f) => {
    const result = results.get(f.item.index);
    if (!result || result.status === 'rejected') return [];
    return {
      change_id: f.change.changeId,
      organization_id: auth.organizationId,
      device_id: auth.deviceId,
      device_seq: f.change.deviceSeq,
      user_id: auth.userId,
      kind: f.change.kind,
      session_id: f.change.sessionId ?? null,
      participant_id: f.change.participantId,
      // Canonical (sorted keys, lower-case ids): a replay is compared with it, field by field.
      payload: f.canonical,
      status: result.status,
      version: result.version ?? null,
      conflict_id: result.conflictId ?? null,
      grace_accepted: f.graceAccepted ? 1 : 0,
      received_at: nowIso,
      history_id: historyId,
    };
  });
}
