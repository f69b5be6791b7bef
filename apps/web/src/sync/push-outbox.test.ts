// A push whose rows the server vouches the device already holds (`ownWrites`) moves the pull
// cursor past them, but only from exactly where they start: a device behind that point still has
// other devices' rows to pull below them. The store is real Dexie over fake-indexeddb; the server
// is a fake `Api` (the boundary the device talks through).
import 'fake-indexeddb/auto';
import { uuidv7, type Change, type PushRequest, type PushResponse } from '@rollcall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RollcallDb } from '../db/db.ts';
import { recordPresence } from '../db/record.ts';
import type { Api } from './api.ts';
import { pushOutbox } from './push-outbox.ts';
import { appliedAnswer } from './test-fakes.ts';

let db: RollcallDb;
beforeEach(() => {
  db = new RollcallDb(`push-outbox-${uuidv7()}`);
});
afterEach(() => db.close());

const who = { deviceId: 'device-a', userId: 'user-a', now: () => Date.now() };
const checkIn = (participantId: string) =>
  recordPresence(db, who, { sessionId: 's1', participantId, state: 'present', method: 'qr' });

/** Answers every push as applied, the n-th push's rows at seqs 100n+1 … 100n+size. */
function server(ownWrites: boolean) {
  let pushes = 0;
  const api = {
    push: async (body: PushRequest): Promise<PushResponse> => {
      const from = 100 * pushes++;
      const to = from + body.changes.length;
      return appliedAnswer(
        body,
        ownWrites ? { ownWrites: { from: `e.${from}`, to: `e.${to}` } } : {},
      );
    },
  };
  return api as unknown as Api;
}

const cursor = async () => (await db.meta.get('cursor'))?.value;

describe('pushing the outbox', () => {
  it('moves the cursor over the rows the push wrote when it stood just before them', async () => {
    await db.meta.put({ key: 'cursor', value: 'e.0' });
    for (const p of ['p1', 'p2', 'p3']) await checkIn(p);
    expect(await pushOutbox(db, server(true), 'test')).toBe(3);
    expect(await cursor()).toBe('e.3');
    const records = await db.records.toArray();
    expect(records.map((r) => [r.pending, r.version])).toEqual([
      [false, 1],
      [false, 1],
      [false, 1],
    ]);
  });

  it('leaves a cursor that stood anywhere else, so the rows below are still pulled', async () => {
    await db.meta.put({ key: 'cursor', value: 'e.-5' });
    await checkIn('p1');
    await pushOutbox(db, server(true), 'test');
    expect(await cursor()).toBe('e.-5');
  });

  it('leaves the cursor when the server does not vouch for the rows', async () => {
    await db.meta.put({ key: 'cursor', value: 'e.0' });
    await checkIn('p1');
    await pushOutbox(db, server(false), 'test');
    expect(await cursor()).toBe('e.0');
  });

  it('sends a long queue in device order, a batch at a time, stepping over a kept refusal', async () => {
    await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
      for (let i = 0; i < 2100; i++) await checkIn(`p${i}`);
    });
    await db.outbox.update(5, { status: 'rejected', reason: 'Session was canceled' });
    const sent: PushRequest[] = [];
    const api = {
      push: async (body: PushRequest) => (sent.push(body), appliedAnswer(body)),
    } as unknown as Api;
    expect(await pushOutbox(db, api, 'test')).toBe(2099);
    const seqs = sent.flatMap((b) => (b.changes as Change[]).map((c) => c.deviceSeq));
    expect(seqs).toEqual(Array.from({ length: 2100 }, (_, i) => i + 1).filter((s) => s !== 5));
    expect(sent.map((b) => [b.changes.length, b.pendingCount])).toEqual([
      [1000, 2099],
      [1000, 1099],
      [99, 99],
    ]);
    expect((await db.outbox.toArray()).map((e) => [e.deviceSeq, e.status])).toEqual([
      [5, 'rejected'],
    ]);
    // Only the refused check-in's record still waits (it was not sent again).
    const waiting = (await db.records.toArray()).filter((r) => r.pending);
    expect(waiting.map((r) => r.participantId)).toEqual(['p4']);
  });
});
