// The pull loop against a fake `Api`: the next page is asked for while the device writes the one
// it has, and what is stored stays what it was when each page was written in turn.
import 'fake-indexeddb/auto';
import { uuidv7, type PresenceRecord } from '@rollcall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RollcallDb } from '../db/db.ts';
import { recordPresence } from '../db/record.ts';
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

describe('a failed page write', () => {
  it('leaves that page and its cursor unwritten, and the next sync resumes from the last cursor', async () => {
    db = new RollcallDb(`engine-pull-${uuidv7()}`);
    const { api, asked } = pagedServer(3);
    const engine = engineFor(api);
    const write = db.groups.bulkPut.bind(db.groups);
    const put = vi.spyOn(db.groups, 'bulkPut');
    put.mockImplementationOnce(write); // page 1 writes
    put.mockRejectedValueOnce(new Error('disk full')); // page 2 does not
    await engine.syncNow();
    expect(engine.getStatus().lastError).not.toBeNull();
    expect((await db.groups.toArray()).map((g) => g.id)).toEqual(['g1']);
    expect((await db.meta.get('cursor'))?.value).toBe('e.1');
    await engine.syncNow();
    expect(asked.slice(-2).map((a) => a.cursor)).toEqual(['e.1', 'e.2']);
    expect((await db.groups.toArray()).map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect((await db.meta.get('cursor'))?.value).toBe('e.3');
    engine.stop();
  });
});

describe('a first sync', () => {
  const who = { deviceId: 'device-a', userId: 'u', now: () => Date.parse('2026-11-22T09:00:00Z') };
  const [s, p, q] = [uuidv7(), uuidv7(), uuidv7()];
  const pulled = (participantId: string, state: string): PresenceRecord => ({
    id: uuidv7(),
    sessionId: s,
    participantId,
    state,
    method: 'qr',
    recordedAt: '2026-11-22T08:00:00.000Z',
    recordedBy: 'u2',
    deviceId: 'device-b',
    version: 1,
    hasConflict: false,
    conflictId: null,
    leftAt: null,
    updatedAt: '2026-11-22T08:00:00.000Z',
  });
  /** Two pages each carrying records p and q; `between` runs before page 2 is answered. */
  function recordsServer(between: () => Promise<unknown> = async () => {}) {
    const api = {
      push: () => Promise.reject(new Error('nothing is queued')),
      pull: async (cursor: string | undefined) => {
        if (cursor) await between();
        const states = cursor ? ['absent', 'excused'] : ['present', 'present'];
        return pullPage({
          cursor: cursor ? 'e.2' : 'e.1',
          hasMore: !cursor,
          presenceRecords: [pulled(p, states[0]!), pulled(q, states[1]!)],
        });
      },
    };
    return api as unknown as Api;
  }

  it('keeps a check-in made while it runs, though a later page carries the same record', async () => {
    db = new RollcallDb(`engine-pull-${uuidv7()}`);
    const scan = () =>
      recordPresence(db, who, { sessionId: s, participantId: p, state: 'late', method: 'qr' });
    await engineFor(recordsServer(scan)).syncNow();
    expect(await db.records.get([s, p])).toMatchObject({ state: 'late', pending: true });
    expect(await db.records.get([s, q])).toMatchObject({ state: 'excused', pending: false });
  });

  it('reads no stored record it has no queued change for; a later pull reads what it pulls', async () => {
    db = new RollcallDb(`engine-pull-${uuidv7()}`);
    const get = vi.spyOn(db.records, 'bulkGet');
    await engineFor(recordsServer()).syncNow();
    expect(get.mock.calls.flatMap(([keys]) => keys)).toEqual([]);
    await db.meta.put({ key: 'cursor', value: 'e.1' });
    get.mockClear();
    await engineFor(recordsServer()).syncNow();
    expect(get.mock.calls.map(([keys]) => keys)).toEqual([
      [
        [s, p],
        [s, q],
      ],
    ]);
  });
});
