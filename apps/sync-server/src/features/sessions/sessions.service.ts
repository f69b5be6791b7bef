// Sessions and groups as admins manage them: every write goes through rosterWrite (sync seq and
// audit); a session's times are checked here, after the schema, because they depend on each other.
import { uuidv7, type SessionInput } from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { HttpError, badRequest, notFound } from '../../lib/errors.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { notifyDrifting } from '../notifications/notifications.producers.ts';
import { rosterWrite, type WriteScope } from '../organizations/roster-write.service.ts';
import { toGroup, toSession } from '../sync/mappers.ts';
import { sessionGroupsOf } from '../sync/pull.repository.ts';
import * as repo from './sessions.repository.ts';

type Occurrence = { scheduledStart: string; scheduledEnd: string };

/**
 * Refuses a reference to a group outside the caller's organization. The answer is the same
 * whether the id exists elsewhere or not, so it reveals nothing about other organizations.
 */
export async function assertOwnGroups(
  trx: Transaction<Database>,
  organizationId: string,
  ids: string[],
) {
  const own = await repo.ownGroupIds(trx, organizationId, ids);
  const unknown = ids.filter((id) => !own.has(id));
  if (unknown.length)
    throw new HttpError(
      400,
      'unknown_group',
      `No such group in this organization: ${unknown.join(', ')}`,
    );
}

export async function listSessions(
  db: Kysely<Database>,
  org: string,
  range: { from?: string; to?: string },
) {
  const rows = await repo.sessionRows(db, org, range);
  const groups = await sessionGroupsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toSession(r, groups.get(r.id) ?? [])) };
}

/** One session per occurrence, all in one transaction: a series is created whole or not at all. */
export async function createSessions(
  ctx: AppContext,
  auth: AuthContext,
  b: Omit<SessionInput, keyof Occurrence>,
  occurrences: Occurrence[],
) {
  return rosterWrite(ctx, auth, async (s) => {
    await assertOwnGroups(s.trx, auth.organizationId, b.groupIds ?? []);
    const out = [];
    for (const [i, o] of occurrences.entries()) {
      const id = uuidv7(ctx.clock.now());
      const row = {
        id,
        organization_id: auth.organizationId,
        name: b.name,
        location: b.location ?? null,
        scheduled_start: o.scheduledStart,
        scheduled_end: o.scheduledEnd,
        actual_start: null,
        actual_end: null,
        status: b.status ?? 'scheduled',
        late_after_minutes: b.lateAfterMinutes ?? null,
        updated_at: s.nowIso,
        seq: s.seq.next(),
      };
      await repo.insertSession(s.trx, row);
      const groupIds = b.groupIds ?? [];
      await repo.insertSessionGroups(s.trx, auth.organizationId, id, groupIds);
      await s.audit('session', id, 'create', null, {
        ...b,
        ...o,
        ...(occurrences.length > 1 ? { occurrence: i + 1, of: occurrences.length } : {}),
      });
      out.push(toSession(row, groupIds));
    }
    return out;
  });
}

export async function updateSession(
  ctx: AppContext,
  auth: AuthContext,
  id: string,
  b: Partial<SessionInput>,
) {
  return rosterWrite(ctx, auth, async (s) => {
    const before = await repo.findSession(s.trx, auth.organizationId, id);
    if (!before) throw notFound(`Session ${id}`);
    const start = b.scheduledStart ?? before.scheduled_start;
    const end = b.scheduledEnd ?? before.scheduled_end;
    if (Date.parse(end) <= Date.parse(start))
      throw badRequest('scheduledEnd must be after scheduledStart', [
        { path: 'body/scheduledEnd', message: `must be after ${start}` },
      ]);
    const status = b.status ?? before.status;
    const patch = {
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.location !== undefined ? { location: b.location } : {}),
      ...(b.scheduledStart ? { scheduled_start: b.scheduledStart } : {}),
      ...(b.scheduledEnd ? { scheduled_end: b.scheduledEnd } : {}),
      ...(b.lateAfterMinutes !== undefined ? { late_after_minutes: b.lateAfterMinutes } : {}),
      status,
      // Starting and ending stamp the actual times once.
      actual_start: status === 'active' && !before.actual_start ? s.nowIso : before.actual_start,
      actual_end: status === 'completed' && !before.actual_end ? s.nowIso : before.actual_end,
      updated_at: s.nowIso,
      seq: s.seq.next(),
    };
    await repo.updateSession(s.trx, before.id, patch);
    if (b.groupIds) await setSessionGroups(s, auth.organizationId, before.id, b.groupIds);
    await s.audit('session', before.id, 'update', before, b);
    if (status === 'completed' && before.status !== 'completed') {
      await notifyDrifting(s.trx, {
        organizationId: auth.organizationId,
        sessionId: before.id,
        sessionName: patch.name ?? before.name,
        nowMs: ctx.clock.now(),
      });
    }
    const groups = await sessionGroupsOf(s.trx, [before.id]);
    return toSession({ ...before, ...patch }, groups.get(before.id) ?? []);
  });
}

/** One session: a series of one occurrence. */
export async function createSession(ctx: AppContext, auth: AuthContext, b: SessionInput) {
  const [session] = await createSessions(ctx, auth, b, [
    { scheduledStart: b.scheduledStart, scheduledEnd: b.scheduledEnd },
  ]);
  if (!session) throw new Error('createSessions made no session for one occurrence');
  return session;
}

/** Replaces the groups a session expects (an edit), only with the organization's own groups. */
async function setSessionGroups(s: WriteScope, org: string, sessionId: string, ids: string[]) {
  await assertOwnGroups(s.trx, org, ids);
  await repo.deleteSessionGroups(s.trx, sessionId);
  await repo.insertSessionGroups(s.trx, org, sessionId, ids);
}

export async function listGroups(db: Kysely<Database>, org: string) {
  return { items: (await repo.groupRows(db, org)).map(toGroup) };
}

export async function createGroup(
  ctx: AppContext,
  auth: AuthContext,
  b: { name: string; parentId?: string | null },
) {
  return rosterWrite(ctx, auth, async (s) => {
    if (b.parentId) await assertOwnGroups(s.trx, auth.organizationId, [b.parentId]);
    const row = {
      id: uuidv7(),
      organization_id: auth.organizationId,
      name: b.name,
      parent_id: b.parentId ?? null,
      active: 1,
      updated_at: s.nowIso,
      seq: s.seq.next(),
    };
    await repo.insertGroup(s.trx, row);
    await s.audit('group', row.id, 'create', null, b);
    return toGroup(row);
  });
}
