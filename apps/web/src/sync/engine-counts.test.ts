// The counts the sync loop keeps on screen (pending, rejected, conflicts) without reading every
// record, and without stacking reads when the store is slow (IndexedDB from fake-indexeddb).
import 'fake-indexeddb/auto';
import { uuidv7 } from '@rollcall/shared';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countConflicts, RollcallDb, type LocalRecord } from '../db/db.ts';
import { createApi } from './api.ts';
import { SyncEngine } from './engine.ts';

const record = (participantId: string, hasConflict: boolean): LocalRecord => ({
  sessionId: 's1',
  participantId,
  state: 'present',
  method: 'qr',
  recordedAt: '2026-11-29T10:00:00.000Z',
  recordedBy: 'u',
  deviceId: 'd',
  version: 1,
  hasConflict,
  conflictId: hasConflict ? uuidv7() : null,
  pending: false,
});

// Never called: these tests only count what is stored (port 9 is discard, nothing listens).
const unusedApi = () =>
  createApi('http://127.0.0.1:9', { get: async () => undefined, set: async () => {} });

function engineOn(db: RollcallDb) {
  return new SyncEngine({
    db,
    api: unusedApi(),
    appVersion: 'test',
    locks: null,
    EventSourceImpl: null,
  });
}

/** How many counts started: each reads lastPullAt once, nothing else in these tests does. */
const counts = (get: { mock: { calls: unknown[][] } }) =>
  get.mock.calls.filter(([key]) => key === 'lastPullAt').length;

afterEach(() => void vi.useRealTimers());

describe('conflict count', () => {
  it('comes from an index that every write keeps true to hasConflict', async () => {
    const db = new RollcallDb(`counts-${uuidv7()}`);
    await db.records.bulkPut([record('a', true), record('b', false), record('c', true)]);
    await db.records.put(record('a', false)); // resolved
    await db.records.put({ ...record('b', true) });
    const indexed = await db.records.where('inConflict').equals(1).primaryKeys();
    expect(indexed.map(([, p]) => p).sort()).toEqual(['b', 'c']);
    expect(await countConflicts(db)).toBe(2);
    expect((await db.records.get(['s1', 'a']))?.inConflict).toBeUndefined();
    const engine = engineOn(db);
    await engine.refreshCounts();
    expect(engine.getStatus().conflicts).toBe(2);
    db.close();
  });

  it('counts the conflicts a device stored before the index existed', async () => {
    const name = `counts-old-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(1).stores({ records: '[sessionId+participantId], sessionId, participantId' });
    await old.table('records').bulkPut([record('a', true), record('b', false)]);
    old.close();
    const db = new RollcallDb(name);
    expect(await countConflicts(db)).toBe(1);
    db.close();
  });
});

describe('refreshing counts', () => {
  it('collapses calls made while a count runs into one more count that sees every write', async () => {
    const db = new RollcallDb(`counts-burst-${uuidv7()}`);
    const engine = engineOn(db);
    const get = vi.spyOn(db.meta, 'get');
    const first = engine.refreshCounts();
    const write = db.records.bulkPut([record('a', true), record('b', true)]);
    const more = Array.from({ length: 5 }, () => engine.refreshCounts());
    await Promise.all([first, write, ...more]);
    expect(counts(get)).toBe(2);
    expect(engine.getStatus().conflicts).toBe(2);
    db.close();
  });

  it('never starts a watchdog check while the last one still waits for the store', async () => {
    const db = new RollcallDb(`counts-watchdog-${uuidv7()}`);
    await db.open();
    const engine = engineOn(db);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const get = vi.spyOn(db.meta, 'get');
    // A write transaction that keeps the store busy: every count waits behind it.
    let busy = true;
    const writer = db.transaction('rw', [db.records, db.outbox], async () => {
      while (busy) await db.records.get(['s1', 'none']);
    });
    const stop = engine.start();
    await vi.advanceTimersByTimeAsync(30_000); // six watchdog periods
    const duringStall = counts(get);
    busy = false;
    await writer;
    stop();
    await engine.syncNow(); // the cycle start() began, so nothing touches the store after close
    expect(duringStall).toBe(1); // the count start() asked for; no watchdog stacked another
    db.close();
  });
});
