// A phone whose clock is an hour slow stamps its check-ins in the server's time from its first
// push on, so it does not "arrive first" at every session for ever.
import 'fake-indexeddb/auto';
import { parseHlc } from '@rollcall/conflict';
import type { PushRequest, PushResponse } from '@rollcall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../sync/api.ts';
import { pushOutbox } from '../sync/push-outbox.ts';
import { RollcallDb } from './db.ts';
import { recordPresence } from './record.ts';

const HOUR = 3_600_000;
const SERVER_NOW = Date.parse('2026-11-22T09:30:00.000Z');
const who = {
  deviceId: '0190a0b0-c0d0-7000-8000-00000000abcd',
  userId: 'u1',
  now: () => Date.now(),
};

/** The server's answer: everything applied, stamped with the server's own clock. */
const server = (serverMs: () => number) =>
  ({
    push: async (body: PushRequest): Promise<PushResponse> => ({
      protocolVersion: 2,
      historyId: 'h',
      serverTime: new Date(serverMs()).toISOString(),
      results: body.changes.map((c, index) => ({
        index,
        changeId: (c as { changeId: string }).changeId,
        status: 'applied',
        version: 1,
      })),
    }),
  }) as unknown as Api;

const wallOf = async (db: RollcallDb, participantId: string) => {
  const entry = (await db.outbox.toArray()).find((e) => e.change.participantId === participantId);
  return parseHlc(entry?.change.hlc ?? '')?.wallMs ?? NaN;
};

describe('a device clock an hour slow', () => {
  afterEach(() => vi.useRealTimers());

  it('stamps in the server time after its first push', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SERVER_NOW - HOUR); // the phone's clock
    const db = new RollcallDb('server-time-slow');
    const check = (p: string) =>
      recordPresence(db, who, {
        sessionId: 's1',
        participantId: p,
        state: 'present',
        method: 'qr',
      });
    await check('before-sync');
    expect(await wallOf(db, 'before-sync')).toBe(SERVER_NOW - HOUR); // nothing to correct with yet
    await pushOutbox(
      db,
      server(() => Date.now() + HOUR),
      'test',
    );
    await check('after-sync');
    const wall = await wallOf(db, 'after-sync');
    expect(Math.abs(wall - SERVER_NOW)).toBeLessThan(1000);
  });
});
