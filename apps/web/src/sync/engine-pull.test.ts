// The pull loop against a fake `Api`: the next page is asked for while the device writes the one
// it has, and what is stored stays what it was when each page was written in turn.
import 'fake-indexeddb/auto';
import { uuidv7 } from '@rollcall/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { RollcallDb } from '../db/db.ts';
import { ApiError, type Api } from './api.ts';
import { SyncEngine } from './engine.ts';
import { pullPage } from './test-fakes.ts';

const page = (n: number, hasMore: boolean) =>
  pullPage({
    cursor: `e.${n}`,
    hasMore,
    groups: [{ id: `g${n}`, name: `Group ${n}`, parentId: null, active: true }],
  });

let db: RollcallDb;
afterEach(() => db.close());

/** A server of `pages` pages; page `failAt` (if any) answers 503. Logs what the device held. */
function pagedServer(pages: number, failAt?: number) {
  const asked: { cursor: string | undefined; stored: unknown }[] = [];
  const api = {
    push: () => Promise.reject(new Error('nothing is queued')),
    pull: async (cursor: string | undefined) => {
      asked.push({ cursor, stored: (await db.meta.get('cursor'))?.value });
      const n = cursor ? Number(cursor.split('.')[1]) + 1 : 1;
      if (n === failAt) throw new ApiError(503, 'busy', 'busy');
      return page(n, n < pages);
    },
  };
  return { api: api as unknown as Api, asked };
}

const engineFor = (api: Api) =>
  new SyncEngine({ db, api, appVersion: 'test', locks: null, EventSourceImpl: null });

describe('pulling several pages', () => {
  it('asks for the next page before it has written this one, and writes them all in order', async () => {
    db = new RollcallDb(`engine-pull-${uuidv7()}`);
    const { api, asked } = pagedServer(3);
    await engineFor(api).syncNow();
    expect(asked.map((a) => a.cursor)).toEqual([undefined, 'e.1', 'e.2']);
    // Page n+1 was asked for while page n was still unwritten (its cursor not yet stored).
    expect(asked.map((a) => a.stored)).toEqual([undefined, undefined, 'e.1']);
    expect((await db.groups.toArray()).map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect((await db.meta.get('cursor'))?.value).toBe('e.3');
  });

  it('a page that fails leaves the pages before it written with their cursor, and no more', async () => {
    db = new RollcallDb(`engine-pull-${uuidv7()}`);
    const { api } = pagedServer(4, 3);
    const engine = engineFor(api);
    await engine.syncNow();
    expect(engine.getStatus().lastError).toBe('busy');
    expect((await db.groups.toArray()).map((g) => g.id)).toEqual(['g1', 'g2']);
    expect((await db.meta.get('cursor'))?.value).toBe('e.2');
    engine.stop();
  });
});
