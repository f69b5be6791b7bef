// Pushes the outbox in device order and settles each entry by its own result: done on applied,
// duplicate, merged or conflict; kept, visible, with its reason on rejected. A bare 200 settles nothing.
import { PROTOCOL_VERSION, type ChangeResult } from '@rollcall/shared';
import type { OutboxEntry, RollcallDb } from '../db/db.ts';
import type { Api } from './api.ts';

export const PUSH_BATCH = 500;
const DONE = new Set(['applied', 'duplicate', 'merged', 'conflict']);
const keyOf = (e: OutboxEntry) => `${e.change.sessionId ?? ''}|${e.change.participantId}`;

/** Returns how many entries the server settled. */
export async function pushOutbox(db: RollcallDb, api: Api, appVersion: string): Promise<number> {
  const all = await db.outbox.where('status').equals('pending').sortBy('deviceSeq');
  if (all.length === 0) return 0;
  const startMax = all[all.length - 1]!.deviceSeq;
  const lastSeqOfKey = new Map<string, number>();
  for (const e of all) lastSeqOfKey.set(keyOf(e), e.deviceSeq);
  let settled = 0;
  for (let i = 0; i < all.length; i += PUSH_BATCH) {
    const batch = all.slice(i, i + PUSH_BATCH);
    const res = await api.push({ protocolVersion: PROTOCOL_VERSION, changes: batch.map((e) => e.change), pendingCount: all.length - i, appVersion });
    if (res.results.length !== batch.length) throw new Error(`server answered ${res.results.length} results for ${batch.length} changes`);
    settled += await settle(db, batch, res.results, lastSeqOfKey, startMax);
  }
  return settled;
}

async function settle(db: RollcallDb, batch: OutboxEntry[], results: ChangeResult[], lastSeqOfKey: Map<string, number>, startMax: number) {
  return db.transaction('rw', [db.outbox, db.records], async () => {
    // Entries queued while this push ran (a scan during sync) also keep their records pending.
    const newer = await db.outbox.where('deviceSeq').above(startMax).toArray();
    const stillQueued = new Set(newer.map(keyOf));
    const done: number[] = [];
    for (const [i, entry] of batch.entries()) {
      const r = results[i]!;
      const c = entry.change;
      const last = Boolean(c.sessionId) && lastSeqOfKey.get(keyOf(entry)) === entry.deviceSeq && !stillQueued.has(keyOf(entry));
      if (!DONE.has(r.status)) {
        await db.outbox.update(entry.deviceSeq, { status: 'rejected', reason: r.reason ?? 'rejected', code: r.code ?? 'rejected' });
        if (last) await db.records.update([c.sessionId!, c.participantId], { pending: false });
        continue;
      }
      done.push(entry.deviceSeq);
      if (!last) continue;
      await db.records.update([c.sessionId!, c.participantId], {
        pending: false,
        ...(r.version !== undefined ? { version: r.version } : {}),
        ...(r.status === 'conflict' || r.original?.status === 'conflict' ? { hasConflict: true, conflictId: r.conflictId ?? null } : {}),
      });
    }
    await db.outbox.bulkDelete(done);
    return done.length;
  });
}
