import 'fake-indexeddb/auto';
import { Dexie, RangeSet, rangesOverlap, type EntityTable, type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followCalmly } from './calm-query.ts';

interface Row {
  id: number;
}

function store() {
  const db = new Dexie(`calm-${Math.random()}`) as Dexie & { rows: EntityTable<Row, 'id'> };
  db.version(1).stores({ rows: 'id' });
  return db;
}

describe('a calm query', () => {
  afterEach(() => vi.useRealTimers());

  it('counts a burst of 20 writes twice, not 21 times, and ends on the last write', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = store();
    let runs = 0;
    const seen: number[] = [];
    const stop = followCalmly(
      async () => {
        runs++;
        return db.rows.count();
      },
      (n) => seen.push(n),
      { everyMs: 10_000 },
    );
    await vi.waitFor(() => expect(seen).toEqual([0]));
    for (let i = 0; i < 20; i++) await db.rows.add({ id: i }); // a pull's pages, one by one
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(seen).toEqual([0, 20]));
    expect(runs).toBe(2);
    stop();
    await db.rows.add({ id: 99 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(runs).toBe(2);
    db.close();
  });

  it('a write during a run is not lost: one more run follows it', async () => {
    const db = store();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const seen: number[] = [];
    let first = true;
    const stop = followCalmly(
      async () => {
        const n = await db.rows.count();
        if (first) {
          first = false;
          await gate; // the first count is slow; a write lands meanwhile
        }
        return n;
      },
      (n) => seen.push(n),
      { everyMs: 0 },
    );
    await db.rows.add({ id: 1 });
    release();
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    stop();
    db.close();
  });

  it('while held, a pull of 30 pages is counted once, when the hold ends, and exactly', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = store();
    const hold = fakeHold();
    let runs = 0;
    const seen: number[] = [];
    const stop = followCalmly(
      async () => {
        runs++;
        return db.rows.count();
      },
      (n) => seen.push(n),
      { everyMs: 1000, hold },
    );
    await vi.waitFor(() => expect(seen).toEqual([0]));
    hold.set(true); // the engine starts syncing
    for (let i = 0; i < 30; i++) {
      await db.rows.bulkAdd([{ id: 2 * i }, { id: 2 * i + 1 }]); // one page
      await vi.advanceTimersByTimeAsync(500); // the next page's request
    }
    expect(runs).toBe(1); // 15 s of pages: not one count in between
    expect(seen).toEqual([0]); // the last counts stay on screen meanwhile
    hold.set(false); // the pull ended
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(seen).toEqual([0, 60]));
    expect(runs).toBe(2);
    stop();
    db.close();
  });

  it('a hold that never ends still lets a count through after heldMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = store();
    const hold = fakeHold();
    const seen: number[] = [];
    const stop = followCalmly(
      () => db.rows.count(),
      (n) => seen.push(n),
      { everyMs: 1000, hold, heldMs: 30_000 },
    );
    await vi.waitFor(() => expect(seen).toEqual([0]));
    hold.set(true);
    await db.rows.add({ id: 1 });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(seen).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(seen).toEqual([0, 1]));
    stop();
    db.close();
  });

  it('runs again only after writes that `touches` says can change its answer', async () => {
    const db = store();
    let runs = 0;
    const seen: number[] = [];
    const stop = followCalmly(
      async () => {
        runs++;
        return db.rows.where('id').below(10).count();
      },
      (n) => seen.push(n),
      { everyMs: 0, touches: (parts) => rowsBelow10(parts, db.name) },
    );
    await vi.waitFor(() => expect(seen[0]).toBe(0)); // the first answer (opening may add a second)
    await new Promise((r) => setTimeout(r, 50)); // opening the store may wake it once more
    const before = runs;
    await db.rows.add({ id: 50 }); // a write it does not follow
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(before);
    await db.rows.add({ id: 5 });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    expect(runs).toBe(before + 1);
    stop();
    db.close();
  });

  it('a hold with nothing written meanwhile runs nothing when it ends', async () => {
    const db = store();
    const hold = fakeHold();
    let runs = 0;
    const stop = followCalmly(
      async () => {
        runs++;
        return db.rows.count();
      },
      () => {},
      { everyMs: 0, hold },
    );
    await vi.waitFor(() => expect(runs).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 50)); // opening the store may wake it once more
    const before = runs;
    hold.set(true);
    hold.set(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(before);
    stop();
    db.close();
  });
});

function fakeHold() {
  let held = false;
  const listeners = new Set<() => void>();
  return {
    held: () => held,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    set(value: boolean) {
      held = value;
      for (const fn of listeners) fn();
    },
  };
}

const rowsBelow10 = (parts: ObservabilitySet, name: string) => {
  const written = parts[`idb://${name}/rows/`];
  return written !== undefined && rangesOverlap(written, new RangeSet(-Infinity, 9));
};
