// Reading a pushed batch's records: the same answer as one get per key, in a request per session
// where the batch crowds into it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RollcallDb, type LocalRecord } from './db.ts';
import { readRecords } from './read-records.ts';

let n = 0;
const record = (sessionId: string, participantId: string): LocalRecord => ({
  sessionId,
  participantId,
  state: 'present',
  method: 'qr',
  recordedAt: '2026-12-01T09:00:00.000Z',
  recordedBy: 'u1',
  deviceId: 'd1',
  version: 1,
  hasConflict: false,
  conflictId: null,
  pending: true,
});
const pid = (i: number) => `p${String(i).padStart(4, '0')}`;

/** Three sessions of 300 records each; the keys asked for mix them with absent ones. */
async function storedDevice() {
  const db = new RollcallDb(`read-records-${++n}`);
  const rows = ['s1', 's2', 's3'].flatMap((s) =>
    Array.from({ length: 300 }, (_, i) => record(s, pid(i * 2))),
  );
  await db.records.bulkPut(rows);
  return db;
}

afterEach(() => vi.restoreAllMocks());

describe('readRecords', () => {
  it('answers as bulkGet does: in the keys order, undefined where no record is', async () => {
    const db = await storedDevice();
    const keys: [string, string][] = [
      // s1 crowded (a range read): every other key absent (odd ids are not stored), out of order.
      ...Array.from({ length: 40 }, (_, i) => ['s1', pid(79 - i)] as [string, string]),
      // s2 sparse (single gets), s4 not on the device at all.
      ['s2', pid(10)],
      ['s2', pid(11)],
      ['s4', pid(10)],
      // The same key twice.
      ['s1', pid(40)],
    ];
    const expected = await db.records.bulkGet(keys);
    expect(await readRecords(db, keys)).toEqual(expected);
    expect(expected.filter(Boolean)).toHaveLength(22);
  });

  it('reads a session crowded with keys in one request, not one per key', async () => {
    const db = await storedDevice();
    const keys = Array.from({ length: 300 }, (_, i) => ['s2', pid(i * 2)] as [string, string]);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const rows = await readRecords(db, keys);
    expect(rows.every((r) => r?.sessionId === 's2')).toBe(true);
    expect(gets).toHaveBeenCalledTimes(0);
  });

  it('answers nothing for no keys', async () => {
    const db = await storedDevice();
    expect(await readRecords(db, [])).toEqual([]);
  });
});
