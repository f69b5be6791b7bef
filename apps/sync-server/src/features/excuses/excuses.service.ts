// Excuses. Approving one turns the participant's record for that session into `excused` through
// a normal server change: versioned, audited, pulled by every device — also when the record was
// already `absent`, or missing. An open conflict on the record is resolved by the approval.
import { uuidv7 } from '@rollcall/shared';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { resolveOne } from '../conflicts/conflicts.service.ts';
import { rosterWrite } from '../organizations/roster-write.service.ts';
import { writeServerPresence } from '../sync/server-presence.ts';
import * as repo from './excuses.repository.ts';

const EXCUSED = 'excused';
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

export interface NewExcuse {
  sessionId: string;
  participantId: string;
  reason: string;
  attachment?: { name: string; type: string; base64: string };
}

export async function submitExcuse(ctx: AppContext, auth: AuthContext, e: NewExcuse) {
  const db = ctx.db.kysely;
  if (!(await repo.sessionInOrg(db, auth.organizationId, e.sessionId)))
    throw notFound(`Session ${e.sessionId}`);
  if (!(await repo.participantInOrg(db, auth.organizationId, e.participantId)))
    throw notFound(`Participant ${e.participantId}`);
  if (e.attachment && (e.attachment.base64.length * 3) / 4 > MAX_ATTACHMENT_BYTES) {
    throw badRequest('The attachment is larger than 2 MB', [
      { path: 'body/attachment/base64', message: 'must be at most 2 MB' },
    ]);
  }
  const id = uuidv7(ctx.clock.now());
  await rosterWrite(ctx, auth, async (s) => {
    await repo.insert(s.trx, {
      id,
      organization_id: auth.organizationId,
      session_id: e.sessionId,
      participant_id: e.participantId,
      reason: e.reason,
      attachment_name: e.attachment?.name ?? null,
      attachment_type: e.attachment?.type ?? null,
      attachment_base64: e.attachment?.base64 ?? null,
      status: 'pending',
      submitted_by: auth.userId,
      submitted_at: s.nowIso,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    });
    await s.audit('excuse', id, 'submit', null, {
      sessionId: e.sessionId,
      participantId: e.participantId,
      reason: e.reason,
      attachment: e.attachment?.name ?? null,
    });
  });
  return { id };
}

export async function decideExcuse(
  ctx: AppContext,
  auth: AuthContext,
  id: string,
  approve: boolean,
  note: string | null,
) {
  const now = ctx.clock.now();
  return rosterWrite(ctx, auth, async (s) => {
    const excuse = await repo.find(s.trx, auth.organizationId, id);
    if (!excuse) throw notFound(`Excuse ${id}`);
    if (excuse.status !== 'pending')
      throw conflict(`This excuse was already ${excuse.status}`, 'already_decided');
    await repo.decide(s.trx, id, {
      status: approve ? 'approved' : 'rejected',
      decided_by: auth.userId,
      decided_at: s.nowIso,
      decision_note: note,
    });
    await s.audit(
      'excuse',
      id,
      approve ? 'approve' : 'reject',
      { status: 'pending' },
      { status: approve ? 'approved' : 'rejected', note },
    );
    if (!approve) return { status: 'rejected' as const, recordVersion: null };
    const open = await repo.openConflictFor(s.trx, excuse.session_id, excuse.participant_id);
    if (open) {
      const codes = new Set([EXCUSED]);
      const done = await resolveOne(
        s.trx,
        s.seq,
        auth,
        open.id,
        { choice: 'state', state: EXCUSED, note: `excuse approved: ${excuse.reason}` },
        codes,
        now,
        false,
      );
      return {
        status: 'approved' as const,
        recordVersion: 'record' in done ? done.record.version : null,
      };
    }
    const row = await writeServerPresence(s.trx, s.seq, auth, now, {
      sessionId: excuse.session_id,
      participantId: excuse.participant_id,
      state: EXCUSED,
      method: 'excuse',
      conflictId: null,
      payload: { excuseId: id },
    });
    await s.audit('presence_record', row.id, 'excuse', null, {
      state: EXCUSED,
      version: row.version,
      excuseId: id,
    });
    return { status: 'approved' as const, recordVersion: row.version };
  });
}

export async function attachmentOf(ctx: AppContext, auth: AuthContext, id: string) {
  const excuse = await repo.find(ctx.db.kysely, auth.organizationId, id);
  if (!excuse?.attachment_base64) throw notFound(`An attachment for excuse ${id}`);
  return {
    name: excuse.attachment_name ?? 'attachment',
    type: excuse.attachment_type ?? 'application/octet-stream',
    data: Buffer.from(excuse.attachment_base64, 'base64'),
  };
}
