// Browser side of the PouchDB peer (bundled by peers.ts with esbuild): pouchdb-browser on its
// IndexedDB adapter, replicating to express-pouchdb served from the same origin under /db.
import PouchDB from 'pouchdb-browser';
import { drainDocs } from './peers-data.ts';

// The page's own origin (this Node project is type-checked without the DOM library).
const { origin } = (globalThis as unknown as { location: { origin: string } }).location;

const BATCH = 1000; // Rollcall pushes 1,000 changes a request; PouchDB's default is 100
const remote = (name: string) => new PouchDB(`${origin}/db/${name}`);
const toPouch = ({ id, ...rest }: { id: string }) => ({ _id: id, ...rest });

async function drain(n: number, remoteName: string) {
  const local = new PouchDB(`drain-${remoteName}`);
  // Offline check-ins: written before the clock starts, like the device bench's outbox.
  await local.bulkDocs(drainDocs(n, 'pouch-device').map(toPouch));
  const target = remote(remoteName);
  const t0 = performance.now();
  await local.replicate.to(target, { batch_size: BATCH });
  const pushMs = performance.now() - t0;
  await local.replicate.from(target, { batch_size: BATCH });
  const ms = performance.now() - t0;
  const arrived = (await target.info()).doc_count;
  await local.destroy();
  return { ms, pushMs, arrived };
}

async function initialSync(remoteName: string, run: number) {
  const local = new PouchDB(`initial-${run}`);
  const t0 = performance.now();
  await local.replicate.from(remote(remoteName), { batch_size: BATCH });
  const ms = performance.now() - t0;
  const held = (await local.info()).doc_count;
  await local.destroy();
  return { ms, held };
}

Object.assign(globalThis, { peerBench: { drain, initialSync } });
