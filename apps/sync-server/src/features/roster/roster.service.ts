// Admin writes to the roster. Every write takes the sync seq (so devices pull it in commit order)
// and leaves an audit entry with the old and new values.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { lockSeq, type SeqAllocator } from '../sync/seq.repository.ts';
import { HttpError } from '../../lib/errors.ts';
import { ownGroupIds } from './roster.repository.ts';

export interface WriteScope {
  trx: Transaction<Database>;
  seq: SeqAllocator;
  nowIso: string;
  audit(
    entity: string,
    entityId: string,
    action: string,
    oldValues: unknown,
    newValues: unknown,
  ): Promise<void>;
}

export async function rosterWrite<T>(
  ctx: AppContext,
  auth: AuthContext,
  work: (s: WriteScope) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  const result = await ctx.db.kysely.transaction().execute(async (trx) => {
    const seq = await lockSeq(trx, auth.organizationId);
    const audit: WriteScope['audit'] = (entity, entityId, action, oldValues, newValues) =>
      appendAudit(trx, auth, { nowMs: now, action, entity, entityId, oldValues, newValues });
    const out = await work({ trx, seq, nowIso: iso(now), audit });
    await seq.flush();
    return out;
  });
  await ctx.notifier.publish({ organizationId: auth.organizationId, seq: 0, sessionIds: [] });
  return result;
}

/**
 * Refuses a reference to a group outside the caller's organization. The answer is the same
 * whether the id exists elsewhere or not, so it reveals nothing about other organizations.
 */
export async function assertOwnGroups(
  trx: Transaction<Database>,
  organizationId: string,
  ids: string[],
) {
  const own = await ownGroupIds(trx, organizationId, ids);
  const unknown = ids.filter((id) => !own.has(id));
  if (unknown.length)
    throw new HttpError(
      400,
      'unknown_group',
      `No such group in this organization: ${unknown.join(', ')}`,
    );
}
