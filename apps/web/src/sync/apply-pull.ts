// Applies one pulled page and its cursor in ONE transaction, so a crash never leaves rows without
// their cursor or a cursor without its rows. A reset drops pulled rows, never the outbox.
import type { PresenceRecord, PullResponse, Tombstone } from '@rollcall/shared';
import { ROSTER_TABLES, type RollcallDb } from '../db/db.ts';
import { readRecords, recordKey } from '../db/read-records.ts';
import { dropsOnRemoval, mergePulled } from './merge-record.ts';

const TOMBSTONE_TABLE: Record<Tombstone['entity'], keyof RollcallDb> = {
  participant: 'participants',
  group: 'groups',
  session: 'sessions',
  presenceState: 'presenceStates',
  presenceRecord: 'records',
};

/**
 * `fresh`: this pull started with no cursor or was reset, so the records it brings are new to the
 * device; only those with a queued change are read before writing (see mergeRecords).
 */
export async function applyPullPage(
  db: RollcallDb,
  page: PullResponse,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  await db.transaction(
    'rw',
    [...ROSTER_TABLES.map((t) => db[t]), db.records, db.outbox, db.meta],
    async () => {
      if (page.reset) {
        await Promise.all(ROSTER_TABLES.map((t) => db[t].clear()));
        await db.records.filter((r) => !r.pending).delete();
      }
      if (page.organization) await db.organizations.put(page.organization);
      await db.users.bulkPut(page.users);
      await db.presenceStates.bulkPut(page.presenceStates);
      await db.groups.bulkPut(page.groups);
      await db.participants.bulkPut(page.participants);
      await db.sessions.bulkPut(page.sessions);
      // Before the page's records: a record pulled with a removed one's key is newer than the
      // removal (a removed record is gone from the server, so it cannot be in a later page).
      await dropRemovedRecords(db, page.tombstones);
      await mergeRecords(db, page, fresh);
      for (const t of page.tombstones) {
        if (t.entity === 'presenceRecord') continue; // dropped above, by their key
        await (db[TOMBSTONE_TABLE[t.entity]] as RollcallDb['participants']).delete(t.id);
      }
      await db.meta.put({ key: 'cursor', value: page.cursor });
    },
  );
}

// Retention removed these records on the server (a clear is a record with state null, never a
// tombstone). Devices key records by (session, participant), so only tombstones carrying the pair
// can be applied.
async function dropRemovedRecords(db: RollcallDb, tombstones: Tombstone[]) {
  const keys = tombstones.flatMap((t) =>
    t.entity === 'presenceRecord' && t.sessionId && t.participantId
      ? [[t.sessionId, t.participantId] as [string, string]]
      : [],
  );
  if (keys.length === 0) return;
  const local = await db.records.bulkGet(keys);
  await db.records.bulkDelete(keys.filter((_, i) => dropsOnRemoval(local[i])));
}

const keyOf = (r: PresenceRecord) => recordKey(r.sessionId, r.participantId);

// Only the records the merge changes are written: a page of our own pushes coming back writes none.
// A stored row that is not pending is replaced by the pulled one, or left when equal (mergePulled),
// so reading it only saves a write, and a fresh pull has none to save (a row of its earlier pages
// that comes again has moved on): it reads only the rows a change may still be queued for. A row
// is pending only while an outbox entry for it waits (LocalRecord.pending), and the outbox is read
// in this transaction, so no scan slips in between.
async function mergeRecords(db: RollcallDb, page: PullResponse, fresh: boolean) {
  const pulled = page.presenceRecords;
  if (pulled.length === 0) return;
  const queued = fresh ? await queuedKeys(db) : null;
  const read = queued ? pulled.filter((r) => queued.has(keyOf(r))) : pulled;
  const stored = await readRecords(
    db,
    read.map((r) => [r.sessionId, r.participantId] as [string, string]),
  );
  const mine = new Map(read.map((r, i) => [keyOf(r), stored[i]]));
  await db.records.bulkPut(pulled.flatMap((r) => mergePulled(mine.get(keyOf(r)), r) ?? []));
}

/** The records this device has a change queued for (or kept, rejected), by keyOf. */
async function queuedKeys(db: RollcallDb) {
  const entries = await db.outbox.toArray();
  return new Set(
    entries.flatMap(({ change: c }) =>
      c.sessionId ? [recordKey(c.sessionId, c.participantId)] : [],
    ),
  );
}
