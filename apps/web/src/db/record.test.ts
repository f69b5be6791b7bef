// A queued change's identity (its device sequence) is never reused on one device, whatever happened
// to the counter: sign-out keeps it, and a kept outbox entry above it is skipped.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RollcallDb } from './db.ts';
import { forgetAccount, getMeta, setMeta } from './meta.ts';
import { recordPresence } from './record.ts';

let n = 0;
const who = { deviceId: '0190a0b0-c0d0-7000-8000-00000000abcd', userId: 'u1', now: () => 1e12 };
const checkIn = (db: RollcallDb, participantId: string) =>
  recordPresence(db, who, { sessionId: 's1', participantId, state: 'present', method: 'code' });

async function deviceWithRejectedEntry() {
  const db = new RollcallDb(`record-test-${++n}`);
  await checkIn(db, 'p1');
  await checkIn(db, 'p2');
  await db.outbox.where('deviceSeq').equals(1).delete();
  await db.outbox.update(2, { status: 'rejected', reason: 'Session was canceled' });
  await setMeta(db, 'credentials', { accessToken: 'a', refreshToken: 'r' } as never);
  await setMeta(db, 'cursor', 'e.5');
  return db;
}

describe('device sequence', () => {
  it('survives sign-out: the next change after a new sign-in takes the next sequence', async () => {
    const db = await deviceWithRejectedEntry();
    await forgetAccount(db);
    expect(await getMeta(db, 'credentials')).toBeUndefined();
    expect(await getMeta(db, 'cursor')).toBeUndefined();
    expect(await db.records.count()).toBe(0);
    expect(await getMeta(db, 'deviceSeq')).toBe(2);
    expect(await getMeta(db, 'hlc')).toBeDefined();
    expect((await db.outbox.toArray()).map((e) => [e.deviceSeq, e.status])).toEqual([
      [2, 'rejected'],
    ]);
    await checkIn(db, 'p3');
    expect((await db.outbox.toArray()).map((e) => [e.deviceSeq, e.change.deviceSeq])).toEqual([
      [2, 2],
      [3, 3],
    ]);
  });

  it('starts above the highest entry kept in the outbox when the counter was reset', async () => {
    const db = await deviceWithRejectedEntry();
    // What an older version's sign-out left behind: no counter, the rejected entry kept.
    await db.meta.delete('deviceSeq');
    await checkIn(db, 'p3');
    await checkIn(db, 'p4');
    expect((await db.outbox.toArray()).map((e) => e.deviceSeq)).toEqual([2, 3, 4]);
    expect(await getMeta(db, 'deviceSeq')).toBe(4);
  });
});

// The write reads its record and the counter together and issues its three writes without waiting
// on each: the guarantees must not depend on awaiting them one by one.
describe('recordPresence', () => {
  it('gives two check-ins started at once distinct, increasing sequences, each with its entry', async () => {
    const db = new RollcallDb(`record-test-${++n}`);
    const [a, b] = await Promise.all([checkIn(db, 'p1'), checkIn(db, 'p2')]);
    expect([a.kind, b.kind]).toEqual(['recorded', 'recorded']);
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.deviceSeq, e.change.deviceSeq, e.change.participantId])).toEqual([
      [1, 1, 'p1'],
      [2, 2, 'p2'],
    ]);
    expect((await db.records.toArray()).map((r) => r.participantId)).toEqual(['p1', 'p2']);
    expect(await getMeta(db, 'deviceSeq')).toBe(2);
  });

  it('keeps neither the record, nor the entry, nor the counter when the outbox write fails', async () => {
    const db = new RollcallDb(`record-test-${++n}`);
    db.use({
      stack: 'dbcore',
      name: 'outbox-full',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name === 'outbox'
            ? { ...table, mutate: () => Promise.reject(new Error('quota exceeded')) }
            : table;
        },
      }),
    });
    await expect(checkIn(db, 'p1')).rejects.toThrow('quota exceeded');
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'deviceSeq')).toBeUndefined();
  });

  it('answers already for someone in, and queues nothing', async () => {
    const db = new RollcallDb(`record-test-${++n}`);
    await checkIn(db, 'p1');
    const again = await recordPresence(db, who, {
      sessionId: 's1',
      participantId: 'p1',
      state: 'late',
      method: 'qr',
      checkIn: true,
    });
    expect(again).toMatchObject({ kind: 'already', record: { state: 'present' } });
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'deviceSeq')).toBe(1);
  });
});
