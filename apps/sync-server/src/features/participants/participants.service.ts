// Participants as admins manage them: every write goes through rosterWrite (sync seq and audit).
import { uuidv7, type AttendanceItem, type ParticipantInput } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { randomPersonalCode, randomToken } from '../../lib/secrets.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { rosterWrite, type WriteScope } from '../organizations/roster-write.service.ts';
import { assertOwnGroups } from '../sessions/sessions.service.ts';
import { toParticipant } from '../sync/mappers.ts';
import { membershipsOf } from '../sync/pull.repository.ts';
import * as repo from './participants.repository.ts';

export async function listParticipants(
  db: Kysely<Database>,
  org: string,
  query: { q?: string; limit?: number; offset?: number },
) {
  const { rows, total } = await repo.participantPage(db, org, {
    ...(query.q ? { q: query.q } : {}),
    limit: query.limit ?? 100,
    offset: query.offset ?? 0,
  });
  const groups = await membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toParticipant(r, groups.get(r.id) ?? [])), total };
}

export async function createParticipant(ctx: AppContext, auth: AuthContext, b: ParticipantInput) {
  const id = uuidv7(ctx.clock.now());
  return rosterWrite(ctx, auth, async (s) => {
    const code = b.personalCode ?? (await freeCode(s, auth.organizationId));
    await assertCodeFree(s, auth.organizationId, code, null);
    const row = {
      id,
      organization_id: auth.organizationId,
      first_name: b.firstName,
      last_name: b.lastName,
      preferred_name: b.preferredName ?? null,
      personal_code: code,
      external_key: b.externalKey ?? null,
      qr_token: randomToken(18),
      guardian_name: b.guardianName ?? null,
      guardian_phone: b.guardianPhone ?? null,
      active: b.active === false ? 0 : 1,
      extra: '{}',
      created_at: s.nowIso,
      updated_at: s.nowIso,
      seq: s.seq.next(),
    };
    await repo.insertParticipant(s.trx, row);
    await setGroups(s, auth.organizationId, id, b.groupIds ?? []);
    await s.audit('participant', id, 'create', null, b);
    return toParticipant(row, b.groupIds ?? []);
  });
}

export async function updateParticipant(
  ctx: AppContext,
  auth: AuthContext,
  id: string,
  b: Partial<ParticipantInput>,
) {
  return rosterWrite(ctx, auth, async (s) => {
    const before = await repo.findParticipant(s.trx, auth.organizationId, id);
    if (!before) throw notFound(`Participant ${id}`);
    if (b.personalCode && b.personalCode !== before.personal_code)
      await assertCodeFree(s, auth.organizationId, b.personalCode, before.id);
    const patch = {
      ...(b.firstName !== undefined ? { first_name: b.firstName } : {}),
      ...(b.lastName !== undefined ? { last_name: b.lastName } : {}),
      ...(b.preferredName !== undefined ? { preferred_name: b.preferredName } : {}),
      ...(b.personalCode ? { personal_code: b.personalCode } : {}),
      ...(b.externalKey !== undefined ? { external_key: b.externalKey } : {}),
      ...(b.guardianName !== undefined ? { guardian_name: b.guardianName } : {}),
      ...(b.guardianPhone !== undefined ? { guardian_phone: b.guardianPhone } : {}),
      ...(b.active !== undefined ? { active: b.active ? 1 : 0 } : {}),
      updated_at: s.nowIso,
      seq: s.seq.next(),
    };
    await repo.updateParticipant(s.trx, before.id, patch);
    if (b.groupIds) await setGroups(s, auth.organizationId, before.id, b.groupIds);
    await s.audit('participant', before.id, 'update', before, b);
    const groups = await membershipsOf(s.trx, [before.id]);
    return toParticipant({ ...before, ...patch }, groups.get(before.id) ?? []);
  });
}

/** A new QR token: the old badge stops working (a lost or copied badge). */
export async function rotateQrToken(ctx: AppContext, auth: AuthContext, id: string) {
  return rosterWrite(ctx, auth, async (s) => {
    const qrToken = randomToken(18);
    const updated = await repo.updateOwnParticipant(s.trx, auth.organizationId, id, {
      qr_token: qrToken,
      updated_at: s.nowIso,
      seq: s.seq.next(),
    });
    if (!updated) throw notFound(`Participant ${id}`);
    await s.audit('participant', id, 'rotate_qr', null, null);
    return { qrToken };
  });
}

/** A participant's attendance history: every session they have a record for, newest first. */
export async function attendanceHistory(
  db: Kysely<Database>,
  org: string,
  id: string,
  limit: number,
): Promise<{ items: AttendanceItem[] }> {
  if (!(await repo.findParticipant(db, org, id))) throw notFound(`Participant ${id}`);
  const rows = await repo.attendanceRows(db, org, id, limit);
  return {
    items: rows.map((r) => ({
      sessionId: r.session_id,
      sessionName: r.name,
      scheduledStart: r.scheduled_start,
      state: r.state,
      method: r.method,
      recordedAt: r.recorded_at,
      recordedBy: r.display_name,
      hasConflict: r.has_conflict === 1,
    })),
  };
}

async function assertCodeFree(s: WriteScope, org: string, code: string, exceptId: string | null) {
  const clash = await repo.personalCodeHolder(s.trx, org, code);
  if (clash && clash.id !== exceptId)
    throw conflict(
      `Personal code ${code} is already used by another participant`,
      'personal_code_taken',
    );
}

async function freeCode(s: WriteScope, org: string) {
  for (let i = 0; i < 50; i++) {
    const code = randomPersonalCode();
    if (!(await repo.personalCodeHolder(s.trx, org, code))) return code;
  }
  throw new Error('no free personal code');
}

async function setGroups(s: WriteScope, org: string, participantId: string, groupIds: string[]) {
  await assertOwnGroups(s.trx, org, groupIds);
  await repo.replaceMemberships(s.trx, org, participantId, groupIds);
}
