// POST /sync/push: apply each change exactly once. The change id is stored in the same
// transaction as its effect, so a replayed batch (or one replayed after the server died
// mid-request) returns the stored results and applies nothing twice.
import {
  PROTOCOL_VERSION,
  uuidv7,
  type Change,
  type ChangeResult,
  type PushRequest,
  type PushResponse,
} from '@rollcall/shared';
import type { Transaction } from 'kysely';
import type { AssignmentRow, Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { latestAssignment, findOrganization } from '../auth/auth.repository.ts';
import { HttpError } from '../../lib/errors.ts';
import { toOrganizationDto } from '../organizations/organizations.service.ts';
import { checkOne, type Checked } from './push-validate.ts';
import { applyFresh, type Fresh } from './push-apply.ts';
import { lockSeq } from './seq.repository.ts';
import * as repo from './sync.repository.ts';
import { writeHistory, type Tally } from './push-history.ts';
import { notifyPush } from '../notifications/notifications.producers.ts';
import { policyOf, yearsBefore } from '../retention/retention.service.ts';

export interface Item {
  index: number;
  raw: unknown;
  checked: Checked;
  result?: ChangeResult;
}

export async function push(
  ctx: AppContext,
  auth: AuthContext,
  body: PushRequest,
): Promise<PushResponse> {
  const started = ctx.clock.now();
  const db = ctx.db.kysely;
  const org = await findOrganization(db, auth.organizationId);
  if (!org) throw new HttpError(401, 'unauthorized', 'Your organization no longer exists');
  const settings = toOrganizationDto(org).settings;
  const assignment =
    auth.role === 'temp_usher' ? ((await latestAssignment(db, auth.userId)) ?? null) : null;
  // A revoked assignment does not refuse the push: each change is judged by when it was recorded
  // (push-validate), so what was recorded before the revocation still arrives.
  const caller = {
    role: auth.role,
    assignment,
    graceHours: settings.tempUsherGraceHours,
    nowMs: started,
  };
  const items: Item[] = body.changes.map((raw, index) => ({
    index,
    raw,
    checked: checkOne(raw, caller),
  }));
  const historyId = uuidv7(started);

  const touched = await db.transaction().execute(async (trx) => {
    const seq = await lockSeq(trx, auth.organizationId);
    const fresh = await settleDuplicates(trx, auth, items);
    const { touchedSessions, openConflicts } = await applyFresh(trx, {
      auth,
      fresh,
      seq,
      policy: settings.conflictPolicy,
      nowMs: started,
      historyId,
      retainedSince: yearsBefore(started, policyOf(org.settings).policy.presenceYears),
    });
    const tally = tallyOf(items);
    await writeHistory(trx, {
      auth,
      items,
      tally,
      historyId,
      started,
      durationMs: ctx.clock.now() - started,
      body,
    });
    await notifyPush(trx, {
      organizationId: auth.organizationId,
      deviceId: auth.deviceId,
      userName: auth.displayName,
      historyId,
      received: items.length,
      rejected: tally.rejected,
      conflicts: openConflicts,
      nowMs: started,
    });
    if (assignment) await countAssignment(trx, assignment, items);
    await seq.flush();
    return { touchedSessions, tally };
  });
  if (
    touched.touchedSessions.size > 0 ||
    touched.tally.applied + touched.tally.merged + touched.tally.conflict > 0
  ) {
    await ctx.notifier.publish({
      organizationId: auth.organizationId,
      seq: 0,
      sessionIds: [...touched.touchedSessions],
    });
  }
  return {
    protocolVersion: PROTOCOL_VERSION,
    historyId,
    serverTime: iso(ctx.clock.now()),
    results: items.map((i) => i.result!),
  };
}

/** Marks replays (earlier pushes, or twice in this batch) and returns the changes to apply. */
async function settleDuplicates(
  trx: Transaction<Database>,
  auth: AuthContext,
  items: Item[],
): Promise<Fresh[]> {
  const valid = items.filter(
    (i): i is Item & { checked: { ok: true; change: Change } } => i.checked.ok,
  );
  const stored = new Map(
    (
      await repo.findChanges(
        trx,
        valid.map((i) => i.checked.change.changeId),
      )
    ).map((r) => [r.change_id, r]),
  );
  const firstInBatch = new Map<string, Item>();
  const fresh: Fresh[] = [];
  for (const item of items) {
    if (!item.checked.ok) {
      item.result = {
        index: item.index,
        changeId: idOf(item.raw),
        status: 'rejected',
        ...item.checked.rejection,
      };
      continue;
    }
    const { change, graceAccepted } = item.checked;
    const prior = stored.get(change.changeId);
    if (
      prior &&
      (prior.organization_id !== auth.organizationId || prior.device_id !== auth.deviceId)
    ) {
      item.result = {
        index: item.index,
        changeId: change.changeId,
        status: 'rejected',
        code: 'change_id_reused',
        reason: 'This change id was already used by another device',
      };
    } else if (prior) {
      const original = {
        status: prior.status as 'applied' | 'merged' | 'conflict',
        ...(prior.version !== null ? { version: prior.version } : {}),
        ...(prior.conflict_id ? { conflictId: prior.conflict_id } : {}),
        ...(prior.grace_accepted ? { graceAccepted: true } : {}),
      };
      const { status: _first, ...same } = original;
      item.result = {
        index: item.index,
        changeId: change.changeId,
        ...same,
        status: 'duplicate',
        original,
      };
    } else if (firstInBatch.has(change.changeId)) {
      fresh.push({ item, change, graceAccepted, duplicateOf: firstInBatch.get(change.changeId)! });
    } else {
      firstInBatch.set(change.changeId, item);
      fresh.push({ item, change, graceAccepted });
    }
  }
  return fresh;
}

const idOf = (raw: unknown) => {
  const id = (raw as { changeId?: unknown } | null)?.changeId;
  return typeof id === 'string' ? id.slice(0, 64) : null;
};

function tallyOf(items: Item[]): Tally {
  const t: Tally = { applied: 0, duplicate: 0, merged: 0, conflict: 0, rejected: 0 };
  for (const i of items) t[i.result!.status] += 1;
  return t;
}

async function countAssignment(trx: Transaction<Database>, a: AssignmentRow, items: Item[]) {
  const stored = items.filter(
    (i) => i.checked.ok && ['applied', 'merged', 'conflict'].includes(i.result!.status),
  );
  const accepted = stored
    .map((i) => (i.checked as { change: Change }).change)
    .filter((c) => c.kind === 'presence.set');
  // Accepted after the assignment closed (recorded before it): shown to the admin.
  const late = stored.filter((i) => i.checked.ok && i.checked.graceAccepted).length;
  if (accepted.length === 0 && late === 0) return;
  await trx
    .updateTable('usher_assignments')
    .set((eb) => ({
      checkins_count: eb('checkins_count', '+', accepted.length),
      qr_count: eb('qr_count', '+', accepted.filter((c) => c.method === 'qr').length),
      code_count: eb('code_count', '+', accepted.filter((c) => c.method === 'code').length),
      late_count: eb('late_count', '+', late),
    }))
    .where('id', '=', a.id)
    .execute();
}
