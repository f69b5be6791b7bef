// The store's upgrade from the previous schema: every row and queued change stays.
import 'fake-indexeddb/auto';
import { uuidv7 } from '@rollcall/shared';
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { RollcallDb } from './db.ts';

it('drops the records-by-participant index on upgrade and keeps the records and the outbox', async () => {
  const name = `db-upgrade-${uuidv7()}`;
  const old = new Dexie(name);
  old.version(3).stores({
    participants: 'id, personalCode, externalKey, qrToken, lastName, firstName, *groupIds',
    sessions: 'id, scheduledStart',
    groups: 'id',
    presenceStates: 'id, code',
    users: 'id',
    organizations: 'id',
    records: '[sessionId+participantId], sessionId, participantId, inConflict',
    outbox: 'deviceSeq, status',
    meta: 'key',
  });
  const record = { sessionId: 's', participantId: 'p', state: 'present', pending: true };
  await old.table('records').put(record);
  await old.table('outbox').put({ deviceSeq: 1, status: 'pending', change: {}, queuedAt: 1 });
  old.close();

  const db = new RollcallDb(name);
  await db.open();
  const stored = db.backendDB().transaction('records').objectStore('records');
  expect([...stored.indexNames].sort()).toEqual(['inConflict', 'sessionId']);
  expect(await db.records.toArray()).toEqual([record]);
  expect(await db.records.where('sessionId').equals('s').count()).toBe(1);
  expect(await db.outbox.count()).toBe(1);
  db.close();
});
