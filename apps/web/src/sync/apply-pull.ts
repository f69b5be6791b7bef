// Applies one pulled page and its cursor in ONE transaction, so a crash never leaves rows without
// their cursor or a cursor without its rows. A reset drops pulled rows, never the outbox.
import type { PullResponse, Tombstone } from '@rollcall/shared';
import { ROSTER_TABLES, type RollcallDb } from '../db/db.ts';
import { dropsOnRemoval, mergePulled } from './merge-record.ts';

const TOMBSTONE_TABLE: Record<Tombstone['entity'], keyof RollcallDb> = {
  participant: 'participants',
  group: 'groups',
  session: 'sessions',
  presenceState: 'presenceStates',
  presenceRecord: 'records',
};

export async function applyPullPage(db: RollcallDb, page: PullResponse): Promise<void> {
  await db.transaction(
    'rw',
    [...ROSTER_TABLES.map((t) => db[t]), db.records, db.meta],
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
      await mergeRecords(db, page);
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

// Only the records the merge changes are written: a page of our own pushes coming back writes none.
async function mergeRecords(db: RollcallDb, page: PullResponse) {
  if (page.presenceRecords.length === 0) return;
  const keys = page.presenceRecords.map((r) => [r.sessionId, r.participantId] as [string, string]);
  const local = await db.records.bulkGet(keys);
  const rows = page.presenceRecords.flatMap((r, i) => mergePulled(local[i], r) ?? []);
  await db.records.bulkPut(rows);
}
