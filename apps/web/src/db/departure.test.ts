// A check-out on the device: the record and its outbox entry in one transaction, and only of
// someone shown as in; anyone else is refused before anything is queued.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RollcallDb } from './db.ts';
import { recordDeparture, recordPresence } from './record.ts';

let n = 0;
const who = { deviceId: '0190a0b0-c0d0-7000-8000-00000000abcd', userId: 'u1', now: () => 1e12 };
const key = { sessionId: 's1', participantId: 'p1' };

describe('recordDeparture', () => {
  it('queues one presence.checkout with the time left, and not a second one', async () => {
    const db = new RollcallDb(`departure-test-${++n}`);
    await recordPresence(db, who, { ...key, state: 'present', method: 'qr' });
    const out = await recordDeparture(db, who, key);
    expect(out.kind).toBe('recorded');
    expect(await db.records.get(['s1', 'p1'])).toMatchObject({
      state: 'present',
      leftAt: new Date(1e12).toISOString(),
      pending: true,
    });
    const queued = (await db.outbox.toArray()).map((e) => e.change);
    expect(queued.map((c) => c.kind)).toEqual(['presence.set', 'presence.checkout']);
    expect(queued[1]).not.toHaveProperty('state');
    expect((await recordDeparture(db, who, key)).kind).toBe('already_left');
    expect(await db.outbox.count()).toBe(2);
  });

  it('refuses someone not checked in, or absent, and queues nothing', async () => {
    const db = new RollcallDb(`departure-test-${++n}`);
    expect((await recordDeparture(db, who, key)).kind).toBe('not_in');
    await recordPresence(db, who, { ...key, state: 'absent', method: 'manual' });
    expect((await recordDeparture(db, who, key)).kind).toBe('not_in');
    expect((await db.outbox.toArray()).map((e) => e.change.kind)).toEqual(['presence.set']);
  });
});
