// Re-applying a rejected change after an admin fixed its cause (a missing session, an inactive
// participant…). The change goes through the normal push path as the device that recorded it, so
// it is applied exactly once, versioned, conflict-checked and pulled like any other.
import { PROTOCOL_VERSION, uuidv7, type Role } from '@rollcall/shared';
import { iso } from '../../lib/clock.ts';
import { conflict, HttpError, notFound } from '../../lib/errors.ts';
import { parseJson } from '../../lib/json.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { push } from '../sync/push.service.ts';
import * as repo from './history.repository.ts';

export async function reapplyRejection(ctx: AppContext, admin: AuthContext, rejectionId: string) {
  const db = ctx.db.kysely;
  const rejection = await repo.findRejection(db, admin.organizationId, rejectionId);
  if (!rejection) throw notFound(`Rejected change ${rejectionId}`);
  if (rejection.reapplied_at) throw conflict(`This change was already re-applied at ${rejection.reapplied_at}`, 'already_reapplied');
  const origin = await repo.originOf(db, admin.organizationId, rejection.device_id);
  if (!origin) throw notFound(`The device ${rejection.device_id} that recorded the change`);
  const recorder: AuthContext = {
    organizationId: admin.organizationId, deviceId: origin.device_id, userId: origin.user_id,
    role: origin.role as Role, displayName: origin.display_name,
  };
  const payload = parseJson<unknown>(rejection.payload, null);
  const { results, historyId } = await push(ctx, recorder, { protocolVersion: PROTOCOL_VERSION, changes: [payload] });
  const result = results[0]!;
  if (result.status === 'rejected') {
    throw new HttpError(422, 'still_rejected', `The change is still rejected: ${result.reason ?? result.code ?? 'no reason given'}`);
  }
  const nowIso = iso(ctx.clock.now());
  await repo.markReapplied(db, rejection.id, nowIso);
  await db.insertInto('audit_log').values({
    id: uuidv7(ctx.clock.now()), organization_id: admin.organizationId, at: nowIso, user_id: admin.userId, device_id: admin.deviceId,
    source: 'admin', action: 'reapply_change', entity: 'sync_rejection', entity_id: rejection.id,
    old_values: JSON.stringify({ code: rejection.code, reason: rejection.reason }),
    new_values: JSON.stringify({ status: result.status, historyId, changeId: result.changeId }),
  }).execute();
  return { status: result.status, changeId: result.changeId, historyId };
}
