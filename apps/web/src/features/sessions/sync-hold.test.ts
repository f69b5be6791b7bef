// The sessions list's counts against a real sync engine pulling many pages: none runs between the
// pages, and the count after the pull holds every page.
import 'fake-indexeddb/auto';
import { uuidv7 } from '@rollcall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RollcallDb } from '../../db/db.ts';
import { followCalmly } from '../../lib/calm-query.ts';
import type { Api } from '../../sync/api.ts';
import { SyncEngine } from '../../sync/engine.ts';
import { whileSyncing } from './sync-hold.ts';
import { pullPage } from '../../sync/test-fakes.ts';

const PAGES = 12;

const page = (n: number) =>
  pullPage({
    cursor: `e.${n}`,
    hasMore: n < PAGES,
    groups: [{ id: `g${n}`, name: `Group ${n}`, parentId: null, active: true }],
  });

// Each page takes a little while to arrive, as over a network: time enough for a count between two.
const api = {
  push: () => Promise.reject(new Error('nothing is queued')),
  pull: async (cursor: string | undefined) => {
    await new Promise((r) => setTimeout(r, 15));
    return page(cursor ? Number(cursor.split('.')[1]) + 1 : 1);
  },
} as unknown as Api;

let db: RollcallDb;
afterEach(() => db.close());

describe('counts while the engine syncs', () => {
  it('wait for a pull of many pages to end, then count every page', async () => {
    db = new RollcallDb(`sync-hold-${uuidv7()}`);
    const engine = new SyncEngine({
      db,
      api,
      appVersion: 'test',
      locks: null,
      EventSourceImpl: null,
    });
    let duringSync = 0;
    const seen: number[] = [];
    const stop = followCalmly(
      async () => {
        if (engine.getStatus().syncing) duringSync++;
        return db.groups.count();
      },
      (n) => seen.push(n),
      { everyMs: 0, hold: whileSyncing(engine) },
    );
    // The first count, on open (opening the store may wake another before the sync starts).
    await vi.waitFor(() => expect(seen[0]).toBe(0));
    await engine.syncNow();
    expect(duringSync).toBe(0);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(PAGES));
    stop();
    engine.stop();
  });
});
