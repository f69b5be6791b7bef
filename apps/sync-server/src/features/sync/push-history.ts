// SyncHistory (one row per push), the rejected changes kept for an admin to re-apply, the
// device's last sync, and the append-only audit trail of every record a push changed.
import {
  ChangeSchema,
  compileValidator,
  uuidv7,
  type ChangeResult,
  type PushRequest,
} from '@rollcall/shared';
import type { Insertable, Transaction } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { AuditLogTable, Database, PresenceRecordTable } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import type { PresenceBatch } from './presence-batch.ts';
import type { Item } from './push-item.ts';
import * as repo from './sync.repository.ts';

export interface Tally {
  applied: number;
  duplicate: number;
  merged: number;
  conflict: number;
  rejected: number;
}

interface HistoryInput {
  auth: AuthContext;
  items: Item[];
  /** The result of each item, in batch order. */
  results: ChangeResult[];
  tally: Tally;
  historyId: string;
  started: number;
  durationMs: number;
  body: PushRequest;
}

export async function writeHistory(trx: Transaction<Database>, h: HistoryInput) {
  const { auth, tally } = h;
  const status =
    tally.rejected === 0 ? 'success' : tally.rejected === h.items.length ? 'failed' : 'partial';
  await trx
    .insertInto('sync_history')
    .values({
      id: h.historyId,
      organization_id: auth.organizationId,
      device_id: auth.deviceId,
      user_id: auth.userId,
      received: h.items.length,
      ...tally,
      status,
      error: tally.rejected ? `${tally.rejected} change(s) rejected` : null,
      duration_ms: Math.max(0, Math.round(h.durationMs)),
      started_at: iso(h.started),
      app_version: h.body.appVersion ?? null,
    })
    .execute();
  const keep = payloadKeeper();
  await repo.insertMany(
    trx,
    'sync_rejections',
    h.items.flatMap((i) => {
      const result = h.results[i.index];
      if (result?.status !== 'rejected') return [];
      return {
        id: uuidv7(h.started),
        history_id: h.historyId,
        organization_id: auth.organizationId,
        device_id: auth.deviceId,
        change_index: i.index,
        change_id: storable(capped(result.changeId, 64)),
        payload: keep(i.raw),
        code: storable(capped(result.code ?? 'rejected', 64)),
        reason: storable(capped(result.reason ?? 'rejected', MAX_REASON_CHARS)),
        created_at: iso(h.started),
        reapplied_at: null,
      };
    }),
  );
  await trx
    .updateTable('devices')
    .set({
      last_sync_at: iso(h.started),
      last_seen_at: iso(h.started),
      ...(h.body.pendingCount !== undefined
        ? { pending_count: pendingAfter(h.body.pendingCount, h.items.length) }
        : {}),
      ...(h.body.appVersion ? { app_version: h.body.appVersion } : {}),
    })
    .where('id', '=', auth.deviceId)
    .execute();
}

/**
 * What the device still has to send once this push is answered. It reports its waiting changes
 * with this batch included, before it knows the results; every change of the batch leaves its
 * waiting state with its result (a rejected one stays on the device, kept with its reason, but is
 * not sent again). Subtracting here, where the batch size is known, is right for every app
 * version and for a replayed batch alike.
 */
function pendingAfter(reported: number, batchSize: number) {
  return Math.max(0, reported - batchSize);
}

// A rejected change's id and the reason (which names its fields) come from what the device sent,
// which may hold U+0000: PostgreSQL refuses that in text, and the whole push with it.
function storable<T extends string | null>(text: T): T {
  return (text === null ? null : text.replaceAll('\u0000', '\\u0000')) as T;
}

/** What a rejection keeps of the change, so that an admin can re-apply it. */
export const STORED = {
  /** A malformed change longer than this is not kept (a well-formed one is at most ~7,000). */
  malformedChars: 4_000,
  /** All malformed changes of one push together; junk cannot fill the database a push at a time. */
  malformedPerPush: 64_000,
} as const;
const MAX_REASON_CHARS = 1_000;
const wellFormed = compileValidator(ChangeSchema);

/**
 * A well-formed change is kept whole: the schema bounds every field, and it is what an admin
 * re-applies (the device keeps its own copy too). A malformed one can never be re-applied as it
 * is; a short one is kept to show what the device sent, a long one (or one past the push's
 * budget) only as its size, never as a cut-off text that is neither JSON nor the change.
 */
function payloadKeeper() {
  let budget: number = STORED.malformedPerPush;
  return (raw: unknown): string => {
    const text = JSON.stringify(raw ?? null) ?? 'null';
    if (wellFormed(raw).ok) return text;
    if (text.length <= STORED.malformedChars && text.length <= budget) {
      budget -= text.length;
      return text;
    }
    return JSON.stringify({ omitted: 'malformed change too large to keep', chars: text.length });
  };
}

function capped<T extends string | null>(text: T, max: number): T {
  return (text === null || text.length <= max ? text : `${text.slice(0, max - 1)}…`) as T;
}

// A record's first version is already fully described by its change row (who, what, when, which
// device); the audit log adds what the change log cannot show: the old values a change replaced.
export async function auditRecordChanges(
  trx: Transaction<Database>,
  dialect: Dialect,
  plan: {
    batch: PresenceBatch;
    recordRows: Insertable<PresenceRecordTable>[];
    newId: () => string;
  },
  auth: AuthContext,
  nowIso: string,
) {
  const rows: Insertable<AuditLogTable>[] = [];
  for (const r of plan.recordRows) {
    const before = plan.batch.keys.get(`${r.session_id}|${r.participant_id}`)?.row;
    if (!before) continue;
    const [was, now] = [pick(before), pick(r)];
    // A merged agreement bumps the version and nothing a person sees: the change log holds it.
    if (sameButVersion(was, now)) continue;
    rows.push({
      id: plan.newId(),
      organization_id: auth.organizationId,
      at: nowIso,
      user_id: auth.userId,
      device_id: auth.deviceId,
      source: 'sync',
      action: 'update',
      entity: 'presence_record',
      entity_id: r.id,
      old_values: JSON.stringify(was),
      new_values: JSON.stringify(now),
    });
  }
  await repo.insertJsonRows(trx, dialect, 'audit_log', rows);
}

const sameButVersion = (a: ReturnType<typeof pick>, b: ReturnType<typeof pick>) =>
  (Object.keys(a) as (keyof typeof a)[]).every((k) => k === 'version' || a[k] === b[k]);

const pick = (
  r: Pick<
    Insertable<PresenceRecordTable>,
    | 'state'
    | 'method'
    | 'recorded_at'
    | 'recorded_by'
    | 'device_id'
    | 'version'
    | 'has_conflict'
    | 'left_at'
  >,
) => ({
  state: r.state,
  method: r.method,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  deviceId: r.device_id,
  version: r.version,
  hasConflict: r.has_conflict === 1,
  leftAt: r.left_at ?? null,
});
