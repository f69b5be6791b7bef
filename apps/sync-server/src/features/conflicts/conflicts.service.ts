// The resolution queue. A resolution is itself a new change: the record gets a new version and a
// new sync seq (every device pulls it), the conflict keeps both versions plus the decision, and
// the audit log records who decided what.
import { type ConflictListQuery, type Resolution } from '@rollcall/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { conflict as conflictError, badRequest, notFound } from '../../lib/errors.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { writeServerPresence } from '../sync/server-presence.ts';
import { toPresenceRecord } from '../sync/mappers.ts';
import { lockSeq, type SeqAllocator } from '../sync/seq.repository.ts';
import * as repo from './conflicts.repository.ts';
import { idsIn, toConflict, versionsOf, type ConflictWithNames } from './conflicts.mapper.ts';

export async function listConflicts(ctx: AppContext, auth: AuthContext, q: ConflictListQuery) {
  const db = ctx.db.kysely;
  const { rows, total } = await repo.listConflicts(db, auth.organizationId, q);
  const ids = idsIn(rows);
  const names = await repo.namesFor(
    db,
    auth.organizationId,
    [...ids.userIds, ...rows.flatMap((r) => (r.resolved_by ? [r.resolved_by] : []))],
    ids.deviceIds,
    ids.changeIds,
  );
  return { items: rows.map((r) => toConflict(r, names)), total };
}

export async function getConflict(ctx: AppContext, auth: AuthContext, id: string) {
  const db = ctx.db.kysely;
  const row = await repo.findConflict(db, auth.organizationId, id);
  if (!row) throw notFound(`Conflict ${id}`);
  return present(ctx, auth, row);
}

async function present(ctx: AppContext, auth: AuthContext, row: ConflictWithNames) {
  const ids = idsIn([row]);
  const names = await repo.namesFor(
    ctx.db.kysely,
    auth.organizationId,
    [...ids.userIds, ...(row.resolved_by ? [row.resolved_by] : [])],
    ids.deviceIds,
    ids.changeIds,
  );
  const earlier = await repo.earlierResolutions(
    ctx.db.kysely,
    auth.organizationId,
    row.participant_id,
    row.id,
  );
  return {
    ...toConflict(row, names),
    earlierResolutions: earlier.map((e) => ({
      id: e.id,
      sessionId: e.session_id,
      status: e.status,
      choice: e.resolution_choice,
      state: e.resolution_state,
      resolvedAt: e.resolved_at,
      rule: e.rule,
    })),
  };
}

function targetState(row: ConflictWithNames, r: Resolution, codes: Set<string>): string | null {
  const [a, b] = versionsOf(row);
  if (r.choice === 'keep_a') return a?.state ?? null;
  if (r.choice === 'keep_b') return (b ?? a)?.state ?? null;
  if (!r.state)
    throw badRequest('A resolution with choice "state" needs a state', [
      { path: 'body/state', message: 'is required when choice is "state"' },
    ]);
  if (!codes.has(r.state))
    throw badRequest(`"${r.state}" is not a presence state of your organization`, [
      { path: 'body/state', message: 'unknown presence state' },
    ]);
  return r.state;
}

export async function resolveMany(
  ctx: AppContext,
  auth: AuthContext,
  ids: string[],
  r: Resolution,
  preview = false,
) {
  const now = ctx.clock.now();
  const outcome = await ctx.db.kysely.transaction().execute(async (trx) => {
    const seq = await lockSeq(trx, auth.organizationId);
    const codes = new Set(
      (
        await trx
          .selectFrom('presence_states')
          .select('code')
          .where('organization_id', '=', auth.organizationId)
          .execute()
      ).map((s) => s.code),
    );
    const items = [];
    for (const id of ids) items.push(await resolveOne(trx, seq, auth, id, r, codes, now, preview));
    if (!preview) await seq.flush();
    return items;
  });
  if (!preview && outcome.length) {
    await ctx.notifier.publish({
      organizationId: auth.organizationId,
      seq: 0,
      sessionIds: [...new Set(outcome.map((o) => o.sessionId))],
    });
  }
  return outcome;
}

export async function resolveOne(
  trx: Transaction<Database>,
  seq: SeqAllocator,
  auth: AuthContext,
  id: string,
  r: Resolution,
  codes: Set<string>,
  now: number,
  preview: boolean,
) {
  const row = await repo.findConflict(trx, auth.organizationId, id);
  if (!row) throw notFound(`Conflict ${id}`);
  if (row.status !== 'open')
    throw conflictError(
      `Conflict ${id} is already ${row.status.replace('_', ' ')}`,
      'already_resolved',
    );
  const record = await repo.findRecordForConflict(trx, row.session_id, row.participant_id);
  if (!record) throw notFound(`The presence record of conflict ${id}`);
  const state = targetState(row, r, codes);
  const base = {
    id,
    sessionId: row.session_id,
    participantId: row.participant_id,
    participantName: `${row.first_name} ${row.last_name}`,
    fromState: record.state,
    toState: state,
  };
  if (preview) return base;
  const nowIso = iso(now);
  const written = await writeServerPresence(trx, seq, auth, now, {
    sessionId: row.session_id,
    participantId: row.participant_id,
    state,
    method: 'resolution',
    conflictId: id,
    payload: { resolution: r, conflictId: id },
  });
  await trx
    .updateTable('sync_conflicts')
    .set({
      status: 'resolved',
      resolution_choice: r.choice,
      resolution_state: state,
      resolution_note: r.note ?? null,
      resolved_by: auth.userId,
      resolved_at: nowIso,
      updated_at: nowIso,
    })
    .where('id', '=', id)
    .execute();
  await repo.markConflictNotificationsRead(trx, auth.organizationId, id, nowIso);
  await appendAudit(trx, auth, {
    nowMs: now,
    action: 'resolve_conflict',
    entity: 'sync_conflict',
    entityId: id,
    oldValues: { state: record.state, version: record.version, status: 'open' },
    newValues: {
      state,
      version: written.version,
      status: 'resolved',
      choice: r.choice,
      note: r.note ?? null,
    },
  });
  return { ...base, record: toPresenceRecord(written) };
}
