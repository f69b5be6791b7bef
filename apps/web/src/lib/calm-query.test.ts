import 'fake-indexeddb/auto';
import { Dexie, type EntityTable } from 'dexie';
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
      10_000,
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
      0,
    );
    await db.rows.add({ id: 1 });
    release();
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    stop();
    db.close();
  });
});
