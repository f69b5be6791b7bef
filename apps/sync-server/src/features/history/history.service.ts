// Re-applying a rejected change after an admin fixed its cause (a missing session, an inactive
// participant…). The change goes through the normal push path as the device that recorded it, so
// it is applied exactly once, versioned, conflict-checked and pulled like any other.
import { PROTOCOL_VERSION, type Role } from '@rollcall/shared';
import { iso } from '../../lib/clock.ts';
import { conflict, HttpError, notFound } from '../../lib/errors.ts';
import { parseJson } from '../../lib/json.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { push } from '../sync/push.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './history.repository.ts';

export async function reapplyRejection(ctx: AppContext, admin: AuthContext, rejectionId: string) {
  const db = ctx.db.kysely;
  const rejection = await repo.findRejection(db, admin.organizationId, rejectionId);
  if (!rejection) throw notFound(`Rejected change ${rejectionId}`);
  if (rejection.reapplied_at)
    throw conflict(
      `This change was already re-applied at ${rejection.reapplied_at}`,
      'already_reapplied',
    );
  const origin = await repo.originOf(db, admin.organizationId, rejection.device_id);
  if (!origin) throw notFound(`The device ${rejection.device_id} that recorded the change`);
  const recorder: AuthContext = {
    organizationId: admin.organizationId,
    deviceId: origin.device_id,
    userId: origin.user_id,
    role: origin.role as Role,
    displayName: origin.display_name,
  };
  const payload = parseJson<unknown>(rejection.payload, null);
  const { results, historyId } = await push(ctx, recorder, {
    protocolVersion: PROTOCOL_VERSION,
    changes: [payload],
  });
  const result = results[0]!;
  if (result.status === 'rejected') {
    throw new HttpError(
      422,
      'still_rejected',
      `The change is still rejected: ${result.reason ?? result.code ?? 'no reason given'}`,
    );
  }
  await repo.markReapplied(db, rejection.id, iso(ctx.clock.now()));
  await appendAudit(db, admin, {
    nowMs: ctx.clock.now(),
    action: 'reapply_change',
    entity: 'sync_rejection',
    entityId: rejection.id,
    oldValues: { code: rejection.code, reason: rejection.reason },
    newValues: { status: result.status, historyId, changeId: result.changeId },
  });
  return { status: result.status, changeId: result.changeId, historyId };
}
