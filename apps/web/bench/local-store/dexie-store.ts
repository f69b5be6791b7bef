import Dexie from 'dexie';
import { BULK, outbox, record, SCANS } from './workload.ts';

export async function runDexie() {
  const db = new Dexie(`bench-dexie-${Date.now()}`);
  db.version(1).stores({ records: 'key, sessionId', outbox: 'seq, status' });
  await db.open();
  const scan: number[] = [];
  for (let i = 1; i <= SCANS; i++) {
    const t0 = performance.now();
    // Record and outbox entry commit together or not at all.
    await db.transaction('rw', db.table('records'), db.table('outbox'), async () => {
      await db.table('records').put(record(i));
      await db.table('outbox').add(outbox(i));
    });
    scan.push(performance.now() - t0);
  }
  const t0 = performance.now();
  await db.transaction('rw', db.table('records'), async () =>
    db.table('records').bulkPut(Array.from({ length: BULK }, (_, i) => record(SCANS + 1 + i))),
  );
  const bulkMs = performance.now() - t0;
  db.close();
  return { scan, bulkMs };
}
