// Pushes the outbox in device order and settles each entry by its own result: done on applied,
// duplicate, merged or conflict; kept, visible, with its reason on rejected. A bare 200 settles nothing.
import { PROTOCOL_VERSION, type ChangeResult, type PushResponse } from '@rollcall/shared';
import type { OutboxEntry, RollcallDb } from '../db/db.ts';
import type { Api } from './api.ts';
import { noteServerTime } from '../db/server-time.ts';
import { settledRecord } from './merge-record.ts';
import { readRecords, recordKey } from '../db/read-records.ts';

export const PUSH_BATCH = 1000; // the server's maximum: fewer round trips when draining
const DONE = new Set(['applied', 'duplicate', 'merged', 'conflict']);
const keyOf = (e: OutboxEntry) => recordKey(e.change.sessionId ?? '', e.change.participantId);

/** Returns how many entries the server settled. */
export async function pushOutbox(db: RollcallDb, api: Api, appVersion: string): Promise<number> {
  // The status index keeps entries in device order within a status (IndexedDB orders an index by
  // its key, then the primary key), so the first batch is a prefix of the queue: it leaves while
  // the rest is read. Only this loop removes entries (under the sync lock); scans append above.
  const pending = () => db.outbox.where('status').equals('pending');
  const [head, waiting] = await Promise.all([
    pending().limit(PUSH_BATCH).toArray(),
    pending().count(),
  ]);
  if (head.length === 0) return 0;
  const send = (batch: OutboxEntry[], pendingCount: number) => {
    const sentMs = Date.now();
    return api
      .push({
        protocolVersion: PROTOCOL_VERSION,
        changes: batch.map((e) => e.change),
        // What waits to be sent, this batch included: the server subtracts the batch, since only
        // it knows the results (a rejected entry stays here, but no longer waits).
        pendingCount,
        appVersion,
      })
      .then((res) => ({ batch, res, sentMs, receivedMs: Date.now() }));
  };
  let inFlight = send(head, waiting);
  inFlight.catch(() => {}); // awaited below; this only silences an early rejection
  const all = head.length < PUSH_BATCH ? head : await pending().toArray();
  const startMax = all[all.length - 1]!.deviceSeq;
  const lastSeqOfKey = new Map<string, number>();
  for (const e of all) lastSeqOfKey.set(keyOf(e), e.deviceSeq);
  let settled = 0;
  // The next batch travels while this one is settled locally: the server applies batches in the
  // order it receives them, and each entry is settled only by its own result.
  for (let i = 0; i < all.length; i += PUSH_BATCH) {
    const { batch, res, sentMs, receivedMs } = await inFlight;
    if (res.results.length !== batch.length)
      throw new Error(`server answered ${res.results.length} results for ${batch.length} changes`);
    const next = i + PUSH_BATCH;
    if (next < all.length) {
      inFlight = send(all.slice(next, next + PUSH_BATCH), all.length - next);
      inFlight.catch(() => {}); // awaited on the next turn; this only silences an early rejection
    }
    settled += await settle(db, batch, res, lastSeqOfKey, startMax);
    await noteServerTime(db, { sentMs, receivedMs, serverTime: res.serverTime });
  }
  return settled;
}

// One transaction per batch, bulk reads and writes only: settling 500 results costs a handful of
// IndexedDB requests, not a thousand.
async function settle(
  db: RollcallDb,
  batch: OutboxEntry[],
  res: PushResponse,
  lastSeqOfKey: Map<string, number>,
  startMax: number,
) {
  const { results } = res;
  return db.transaction('rw', [db.outbox, db.records, db.meta], async () => {
    // Entries queued while this push ran (a scan during sync) also keep their records pending.
    const newer = await db.outbox.where('deviceSeq').above(startMax).toArray();
    const stillQueued = new Set(newer.map(keyOf));
    const done: number[] = [];
    const rejected: OutboxEntry[] = [];
    const touched = new Map<string, { key: [string, string]; result: ChangeResult | null }>();
    for (const [i, entry] of batch.entries()) {
      const r = results[i]!;
      const c = entry.change;
      const isDone = DONE.has(r.status);
      if (isDone) done.push(entry.deviceSeq);
      else
        rejected.push({
          ...entry,
          status: 'rejected',
          reason: r.reason ?? 'rejected',
          code: r.code ?? 'rejected',
        });
      const last =
        Boolean(c.sessionId) &&
        lastSeqOfKey.get(keyOf(entry)) === entry.deviceSeq &&
        !stillQueued.has(keyOf(entry));
      if (last)
        touched.set(keyOf(entry), {
          key: [c.sessionId!, c.participantId],
          result: isDone ? r : null,
        });
    }
    const items = [...touched.values()];
    const records = await readRecords(
      db,
      items.map((t) => t.key),
    );
    const updated = records.flatMap((rec, i) =>
      rec ? [settledRecord(rec, items[i]?.result ?? null)] : [],
    );
    await db.records.bulkPut(updated);
    // One range delete instead of a request per entry; rejected entries in the range (this batch's
    // and any kept from earlier pushes) are written back.
    const [from, to] = [batch[0]!.deviceSeq, batch[batch.length - 1]!.deviceSeq];
    const kept = (await db.outbox.where('status').equals('rejected').toArray()).filter(
      (e) => e.deviceSeq >= from && e.deviceSeq <= to,
    );
    await db.outbox.where('deviceSeq').between(from, to, true, true).delete();
    await db.outbox.bulkPut([...kept, ...rejected]);
    await skipOwnWrites(db, res.ownWrites);
    return done.length;
  });
}

/**
 * The rows this push wrote are what the device now holds (the server vouches for it only when every
 * change was applied as sent): a device that had pulled everything before them moves its cursor past
 * them, so the next pull does not download its own writes back. Any other cursor stays: rows it has
 * not pulled lie below these.
 */
async function skipOwnWrites(db: RollcallDb, own: PushResponse['ownWrites']) {
  if (!own) return;
  const cursor = (await db.meta.get('cursor'))?.value;
  if (cursor === own.from) await db.meta.put({ key: 'cursor', value: own.to });
}
