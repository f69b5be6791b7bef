// The store: its upgrade from the previous schema keeps every row and queued change; the check-in
// screen re-reads a session's records only after writes that touched them (a scan's counter and
// outbox entry, or another session's records, do not wake it; clearing the table does).
import 'fake-indexeddb/auto';
import { uuidv7 } from '@rollcall/shared';
import { Dexie, type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RollcallDb, touchesRecordsOf } from './db.ts';
import { setMeta } from './meta.ts';
import { recordPresence } from './record.ts';

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

const who = { deviceId: '0190a0b0-c0d0-7000-8000-00000000abcd', userId: 'u1', now: () => 1e12 };
const reported: ObservabilitySet[] = [];
const listen = (parts: ObservabilitySet) => void reported.push(parts);
Dexie.on('storagemutated', listen);
afterEach(() => void (reported.length = 0));

/** Whether the write `act` makes wakes a reader of session s1's records. */
async function wakesS1(db: RollcallDb, act: () => Promise<unknown>) {
  await act();
  await vi.waitFor(() => expect(reported.length).toBeGreaterThan(0));
  const touches = touchesRecordsOf(db, 's1');
  return reported.splice(0).some(touches);
}

describe('touchesRecordsOf', () => {
  it('is true for writes of the session’s records only', async () => {
    const db = new RollcallDb('touches-test');
    await db.open();
    reported.length = 0;
    const checkIn = (sessionId: string) =>
      recordPresence(db, who, { sessionId, participantId: 'p1', state: 'present', method: 'qr' });
    expect(await wakesS1(db, () => checkIn('s2'))).toBe(false);
    expect(await wakesS1(db, () => setMeta(db, 'cursor', 'e.5'))).toBe(false);
    expect(await wakesS1(db, () => checkIn('s1'))).toBe(true);
    expect(await wakesS1(db, () => db.records.delete(['s1', 'p1']))).toBe(true);
    expect(await wakesS1(db, () => db.records.clear())).toBe(true);
    db.close();
  });
});
