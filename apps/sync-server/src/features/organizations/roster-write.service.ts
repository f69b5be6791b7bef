// The one transaction every admin write runs in (participants, sessions, groups, settings,
// users, excuses, imports): it takes the organization's sync seq (so devices pull the change in
// commit order) and leaves an audit entry with the old and new values.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { lockSeq, type SeqAllocator } from '../sync/seq.repository.ts';

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
