// POST /sync/push: apply each change exactly once. The change id is stored in the same
// transaction as its effect, so a replayed batch (or one replayed after the server died
// mid-request) returns the stored results and applies nothing twice.
import {
  canonicalChange,
  normalizeChange,
  PROTOCOL_VERSION,
  uuidv7,
  type Change,
  type ChangeResult,
  type PushRequest,
  type PushResponse,
} from '@rollcall/shared';
import type { ConflictPolicy } from '@rollcall/conflict';
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { AssignmentRow, Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { latestAssignment, findOrganization } from '../auth/auth.repository.ts';
import { HttpError } from '../../lib/errors.ts';
import { toOrganizationDto } from '../organizations/organizations.service.ts';
import { parseJson } from '../../lib/json.ts';
import { checkOne, type Checked } from './push-validate.ts';
import { rejected, type Fresh, type Item, type Results } from './push-item.ts';
import { planFresh, planStillHolds, writeLog, writeRecords } from './push-apply.ts';
import { lockSeq } from './seq.repository.ts';
import { formatCursor, serverEpoch } from './pull.service.ts';
import * as repo from './sync.repository.ts';
import { writeHistory, type Tally } from './push-history.ts';
import { notifyPush } from '../notifications/notifications.producers.ts';
import { policyOf, yearsBefore } from '../retention/retention.service.ts';

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
    checked: normalized(checkOne(raw, caller)),
  }));
  const historyId = uuidv7(started);

  const run = (lockFirst: boolean) =>
    db.transaction().execute((trx) =>
      writePush(trx, lockFirst, {
        auth,
        dialect: ctx.db.dialect,
        items,
        body,
        started,
        historyId,
        assignment,
        policy: settings.conflictPolicy,
        retainedSince: yearsBefore(started, policyOf(org.settings).policy.presenceYears),
        elapsed: () => ctx.clock.now() - started,
      }),
    );
  const done = await runPush(run, ctx.db.dialect === 'postgres' && !createsParticipants(items));
  if (
    done.touchedSessions.size > 0 ||
    done.tally.applied + done.tally.merged + done.tally.conflict > 0
  ) {
    await ctx.notifier.publish({
      organizationId: auth.organizationId,
      seq: 0,
      sessionIds: [...done.touchedSessions],
    });
  }
  const ownWrites = done.mirrorsDevice ? await cursorsAround(db, done.seqs) : null;
  return {
    protocolVersion: PROTOCOL_VERSION,
    historyId,
    serverTime: iso(ctx.clock.now()),
    results: done.results,
    ...(ownWrites ? { ownWrites } : {}),
  };
}

/** The pull cursors on either side of a push's rows (the counter was held, so they are contiguous). */
async function cursorsAround(db: Kysely<Database>, seqs: { after: number; through: number }) {
  if (seqs.through === seqs.after) return null;
  const epoch = await serverEpoch(db);
  return { from: formatCursor(epoch, seqs.after), to: formatCursor(epoch, seqs.through) };
}

interface PushWork {
  auth: AuthContext;
  dialect: Dialect;
  items: Item[];
  body: PushRequest;
  started: number;
  historyId: string;
  assignment: AssignmentRow | null;
  policy: ConflictPolicy;
  retainedSince: string;
  elapsed: () => number;
}

/** The plan read records that another push changed before this one got the counter. */
class PlanOutdated extends Error {}

const createsParticipants = (items: Item[]) =>
  items.some((i) => i.checked.ok && i.checked.change.kind === 'participant.create');

/**
 * On PostgreSQL, pushes of one organization queue on its counter row, so the lock is taken as
 * late as possible: everything is read, decided and logged first, then the counter is locked, the
 * records read are checked unchanged and written with their seqs. A push whose records moved
 * meanwhile (or that collided with a concurrent replay of its own change ids) is rolled back and
 * run again with the lock taken first, as on SQLite, where one connection serializes writers.
 */
async function runPush<T>(run: (lockFirst: boolean) => Promise<T>, lockLate: boolean) {
  if (!lockLate) return run(true);
  try {
    return await run(false);
  } catch (e) {
    if (!(e instanceof PlanOutdated) && !RETRYABLE.has(pgCode(e))) throw e;
    return run(true);
  }
}

// unique_violation: a concurrent replay stored the same change id first; deadlock_detected: that
// replay held the counter (its turn comes again with the lock taken first).
const RETRYABLE = new Set(['23505', '40P01']);
const pgCode = (e: unknown) =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';

async function writePush(trx: Transaction<Database>, lockFirst: boolean, w: PushWork) {
  const { auth, items } = w;
  const early = lockFirst ? await lockSeq(trx, auth.organizationId) : null;
  const settled = await settleDuplicates(trx, auth, items);
  const unique = await rejectReusedSeqs(trx, auth, settled.fresh);
  const plan = await planFresh(trx, {
    auth,
    dialect: w.dialect,
    fresh: unique.fresh,
    seq: early,
    policy: w.policy,
    nowMs: w.started,
    historyId: w.historyId,
    retainedSince: w.retainedSince,
  });
  await writeLog(trx, plan);
  const seq = early ?? (await lockSeq(trx, auth.organizationId));
  if (!early && !(await planStillHolds(trx, plan))) throw new PlanOutdated();
  const { touchedSessions, openConflicts } = await writeRecords(trx, plan, seq);
  const results = inOrder(items, [settled.results, unique.results, plan.results]);
  const tally = tallyOf(results);
  await writeHistory(trx, {
    auth,
    items,
    results,
    tally,
    historyId: w.historyId,
    started: w.started,
    durationMs: w.elapsed(),
    body: w.body,
  });
  await notifyPush(trx, {
    organizationId: auth.organizationId,
    deviceId: auth.deviceId,
    userName: auth.displayName,
    historyId: w.historyId,
    received: items.length,
    rejected: tally.rejected,
    conflicts: openConflicts,
    nowMs: w.started,
  });
  if (w.assignment) await countAssignment(trx, w.assignment, items, results);
  const seqs = seq.taken();
  await seq.flush();
  return { touchedSessions, tally, results, seqs, mirrorsDevice: plan.mirrorsDevice };
}

/** Each change's result, in batch order, from the stage that settled it. */
function inOrder(items: Item[], stages: Results[]): ChangeResult[] {
  return items.map((item) => {
    for (const results of stages) {
      const r = results.get(item.index);
      if (r) return r;
    }
    throw new Error(`change ${item.index} of the push was given no result`);
  });
}

const normalized = (c: Checked): Checked =>
  c.ok ? { ...c, change: normalizeChange(c.change) } : c;

const reused = (item: Item, change: Change): ChangeResult =>
  rejected(item, change.changeId, {
    code: 'change_id_reused',
    reason:
      'This change id was already used for a different change; the device must give each change its own id',
  });

/**
 * Marks replays (earlier pushes, or twice in this batch) and returns the changes to apply. A replay
 * is the same change id with the same content; the same id with other content is refused, never
 * answered `duplicate`, or the device would believe a change was stored that never was.
 */
async function settleDuplicates(
  trx: Transaction<Database>,
  auth: AuthContext,
  items: Item[],
): Promise<{ results: Results; fresh: Fresh[] }> {
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
  const firstInBatch = new Map<string, { item: Item; canonical: string }>();
  const fresh: Fresh[] = [];
  const results: Results = new Map();
  for (const item of items) {
    if (!item.checked.ok) {
      results.set(item.index, rejected(item, idOf(item.raw), item.checked.rejection));
      continue;
    }
    const { change, graceAccepted } = item.checked;
    const canonical = canonicalChange(change);
    const prior = stored.get(change.changeId);
    const first = firstInBatch.get(change.changeId);
    if (prior) {
      const same = sameStored(prior, auth, canonical);
      results.set(item.index, same ? duplicateOfStored(item, change, prior) : reused(item, change));
    } else if (first) {
      if (first.canonical !== canonical) results.set(item.index, reused(item, change));
      else fresh.push({ item, change, graceAccepted, canonical, duplicateOf: first.item });
    } else {
      firstInBatch.set(change.changeId, { item, canonical });
      fresh.push({ item, change, graceAccepted, canonical });
    }
  }
  return { results, fresh };
}

type StoredChange = Awaited<ReturnType<typeof repo.findChanges>>[number];

// Another device's (or organization's) change id is refused with the same words as any other
// reuse, so the answer tells nothing about who used it.
function sameStored(prior: StoredChange, auth: AuthContext, canonical: string) {
  if (prior.organization_id !== auth.organizationId || prior.device_id !== auth.deviceId)
    return false;
  const payload = parseJson<Partial<Change> | null>(prior.payload, null);
  // A payload that no longer parses cannot prove a difference: answer as before, a duplicate.
  if (payload === null) return true;
  // A server-made change (an admin's edit) is never the replay of a device's change.
  if (typeof payload.changeId !== 'string' || typeof payload.participantId !== 'string')
    return false;
  return canonicalChange(payload as Change) === canonical;
}

function duplicateOfStored(item: Item, change: Change, prior: StoredChange): ChangeResult {
  const original = {
    status: prior.status as 'applied' | 'merged' | 'conflict',
    ...(prior.version !== null ? { version: prior.version } : {}),
    ...(prior.conflict_id ? { conflictId: prior.conflict_id } : {}),
    ...(prior.grace_accepted ? { graceAccepted: true } : {}),
  };
  const { status: _first, ...same } = original;
  return {
    index: item.index,
    changeId: change.changeId,
    ...same,
    status: 'duplicate',
    original,
  };
}

/**
 * A (device, deviceSeq) pair names one change. Seqs need only be unique, not increasing: an admin's
 * re-apply of a rejected change arrives after later ones. A seq is taken once a change with it is
 * stored; a second, different change with a taken seq (earlier push, or earlier in this batch) is
 * refused: the one stored first stands and the two never both apply.
 */
async function rejectReusedSeqs(
  trx: Transaction<Database>,
  auth: AuthContext,
  fresh: Fresh[],
): Promise<{ results: Results; fresh: Fresh[] }> {
  const firsts = fresh.filter((f) => !f.duplicateOf);
  const taken = await repo.findDeviceSeqs(
    trx,
    auth.deviceId,
    firsts.map((f) => f.change.deviceSeq),
  );
  const inBatch = new Set<number>();
  const results: Results = new Map();
  for (const f of firsts) {
    const seq = f.change.deviceSeq;
    if (taken.has(seq) || inBatch.has(seq)) {
      results.set(
        f.item.index,
        rejected(f.item, f.change.changeId, {
          code: 'device_seq_reused',
          reason: `This device already sent another change with deviceSeq ${seq}; each change needs its own`,
        }),
      );
    }
    inBatch.add(seq);
  }
  return { results, fresh: fresh.filter((f) => f.duplicateOf || !results.has(f.item.index)) };
}

const idOf = (raw: unknown) => {
  const id = (raw as { changeId?: unknown } | null)?.changeId;
  return typeof id === 'string' ? id.slice(0, 64) : null;
};

function tallyOf(results: ChangeResult[]): Tally {
  const t: Tally = { applied: 0, duplicate: 0, merged: 0, conflict: 0, rejected: 0 };
  for (const r of results) t[r.status] += 1;
  return t;
}

async function countAssignment(
  trx: Transaction<Database>,
  a: AssignmentRow,
  items: Item[],
  results: ChangeResult[],
) {
  const stored = items.flatMap((i) =>
    i.checked.ok && ['applied', 'merged', 'conflict'].includes(results[i.index]?.status ?? '')
      ? [i.checked]
      : [],
  );
  const accepted = stored.map((c) => c.change).filter((c) => c.kind === 'presence.set');
  // Accepted after the assignment closed (recorded before it): shown to the admin.
  const late = stored.filter((c) => c.graceAccepted).length;
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
