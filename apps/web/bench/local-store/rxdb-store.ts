import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { BULK, outbox, record, SCANS } from './workload.ts';

const recordSchema = {
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 100 },
    sessionId: { type: 'string', maxLength: 100 },
    participantId: { type: 'string' },
    state: { type: 'string' },
    method: { type: 'string' },
    recordedAt: { type: 'string' },
    recordedBy: { type: 'string' },
    deviceId: { type: 'string' },
    version: { type: 'number' },
    hasConflict: { type: 'boolean' },
    pending: { type: 'boolean' },
  },
  required: ['key', 'sessionId'],
  indexes: ['sessionId'],
} as const;
const outboxSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    seq: { type: 'number' },
    status: { type: 'string' },
    queuedAt: { type: 'number' },
    change: { type: 'object' },
  },
  required: ['id'],
} as const;

export async function runRxdb() {
  const db = await createRxDatabase({
    name: `benchrx${Date.now()}`,
    storage: getRxStorageDexie(),
    multiInstance: true,
    eventReduce: true,
  });
  const { records, outbox: log } = await db.addCollections({
    records: { schema: recordSchema },
    outbox: { schema: outboxSchema },
  });
  const scan: number[] = [];
  for (let i = 1; i <= SCANS; i++) {
    const t0 = performance.now();
    // No transaction spans two RxDB collections: these are two separate commits.
    await records.upsert(record(i));
    await log.insert({ ...outbox(i), id: String(i) });
    scan.push(performance.now() - t0);
  }
  const t0 = performance.now();
  await records.bulkInsert(Array.from({ length: BULK }, (_, i) => record(SCANS + 1 + i)));
  const bulkMs = performance.now() - t0;
  await db.remove();
  return { scan, bulkMs };
}
