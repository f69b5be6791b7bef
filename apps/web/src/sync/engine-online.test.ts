// "Offline" on the usher's status line follows the browser even when a sync that was already on
// its way finishes after the network went: its answer must not turn the line back to "All saved".
import 'fake-indexeddb/auto';
import { uuidv7 } from '@rollcall/shared';
import { describe, expect, it } from 'vitest';
import { RollcallDb } from '../db/db.ts';
import { createApi } from './api.ts';
import { SyncEngine } from './engine.ts';
import { pullPage } from './test-fakes.ts';

const EMPTY_PAGE = pullPage();
const creds = {
  get: async () => ({
    accessToken: 'a',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    refreshToken: 'r',
    refreshExpiresAt: '2099-01-01T00:00:00.000Z',
  }),
  set: async () => {},
};

describe('online state after a sync', () => {
  it('stays offline when the network went while the last answer was on its way', async () => {
    let online = true;
    // The boundary we do not own: the network. The answer arrives just after it went.
    const fetchFn = async () => {
      online = false;
      return new Response(JSON.stringify(EMPTY_PAGE), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const db = new RollcallDb(`online-${uuidv7()}`);
    const engine = new SyncEngine({
      db,
      api: createApi('http://127.0.0.1:9', creds, fetchFn),
      appVersion: 'test',
      locks: null,
      EventSourceImpl: null,
      isOnline: () => online,
    });
    expect(engine.getStatus().online).toBe(true);
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({ online: false, lastError: null });
    db.close();
  });

  it('is online again after a sync that got through while the browser says so', async () => {
    const fetchFn = async () =>
      new Response(JSON.stringify(EMPTY_PAGE), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const db = new RollcallDb(`online-${uuidv7()}`);
    const engine = new SyncEngine({
      db,
      api: createApi('http://127.0.0.1:9', creds, fetchFn),
      appVersion: 'test',
      locks: null,
      EventSourceImpl: null,
      isOnline: () => true,
    });
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({ online: true, lastError: null });
    db.close();
  });
});
