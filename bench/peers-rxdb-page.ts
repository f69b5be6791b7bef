// Browser side of the RxDB peer (bundled by peers.ts with esbuild): RxDB on its Dexie storage,
// its HTTP replication (`replicateRxCollection`) against the small push/pull endpoint in
// peers-server.ts, one replication per collection.
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { drainDocs, type PeerDoc } from './peers-data.ts';

// The page's own origin (this Node project is type-checked without the DOM library).
const { origin } = (globalThis as unknown as { location: { origin: string } }).location;

const BATCH = 1000; // as Rollcall's push and the PouchDB peer
type Checkpoint = { seq: number };

const schema = (fields: string[], numbers: string[] = [], flags: string[] = []) =>
  ({
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: Object.fromEntries([
      ['id', { type: 'string', maxLength: 100 }],
      ...fields.map((f) => [f, { type: 'string' }]),
      ...numbers.map((f) => [f, { type: 'number' }]),
      ...flags.map((f) => [f, { type: 'boolean' }]),
    ]),
    required: ['id'],
  }) as RxJsonSchema<PeerDoc>;

const schemas = {
  participants: schema(['kind', 'firstName', 'lastName', 'qrToken'], [], ['active']),
  sessions: schema(['kind', 'name', 'scheduledStart', 'status']),
  records: schema(
    [
      'kind',
      'sessionId',
      'participantId',
      'state',
      'method',
      'recordedAt',
      'recordedBy',
      'deviceId',
    ],
    ['version'],
    ['hasConflict'],
  ),
};

async function open(name: string) {
  const db = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
  const collections = await db.addCollections({
    participants: { schema: schemas.participants },
    sessions: { schema: schemas.sessions },
    records: { schema: schemas.records },
  });
  return { db, collections };
}

async function call<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One-shot (not live) replication of a collection both ways; resolves when it has caught up. */
async function replicate(collection: RxCollection<PeerDoc>, remote: string) {
  const base = `${origin}/rx/${remote}/${collection.name}`;
  const state = replicateRxCollection<PeerDoc, Checkpoint>({
    collection,
    replicationIdentifier: base,
    live: false,
    waitForLeadership: false,
    push: { batchSize: BATCH, handler: (rows) => call(`${base}/push`, rows) },
    pull: {
      batchSize: BATCH,
      handler: (checkpoint, batchSize) =>
        call(`${base}/pull?seq=${checkpoint?.seq ?? 0}&limit=${batchSize}`),
    },
  });
  let failure: unknown = null;
  state.error$.subscribe((e) => (failure = e));
  await state.awaitInitialReplication();
  await state.cancel();
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
}

async function drain(n: number, remote: string) {
  const { db, collections } = await open(`drain${remote}`);
  // Offline check-ins: written before the clock starts, like the device bench's outbox.
  await collections.records.bulkInsert(drainDocs(n, 'rxdb-device'));
  const t0 = performance.now();
  await replicate(collections.records, remote);
  const ms = performance.now() - t0;
  const arrived = (await call<{ count: number }>(`${origin}/rx/${remote}/records/count`)).count;
  await db.remove();
  return { ms, arrived };
}

async function initialSync(remote: string, run: number) {
  const { db, collections } = await open(`initial${run}`);
  const t0 = performance.now();
  await Promise.all(Object.values(collections).map((c) => replicate(c, remote)));
  const ms = performance.now() - t0;
  let held = 0;
  for (const c of Object.values(collections)) held += await c.count().exec();
  await db.remove();
  return { ms, held };
}

Object.assign(globalThis, { peerBench: { drain, initialSync } });
