// The server side of a peer, as its own process on a loopback port (as the Rollcall server is):
// it serves the bench page and its bundle, and either express-pouchdb under /db (PouchDB's
// memory adapter) or a small push/pull endpoint for RxDB's HTTP replication under /rx. The
// organization for the initial sync is loaded at start, as the database "org".
//   node --import tsx peers-server.ts <pouch|rxdb> <port> <bundle dir> [organization size as JSON]
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import expressPouchdb from 'express-pouchdb';
import PouchCore from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { ORG, orgDocs, type PeerDoc } from './peers-data.ts';

const [peer, port, dist, size] = process.argv.slice(2);
const org = () => orgDocs(size ? (JSON.parse(size) as typeof ORG) : ORG);
if ((peer !== 'pouch' && peer !== 'rxdb') || !port || !dist)
  throw new Error('usage: peers-server.ts <pouch|rxdb> <port> <bundle dir>');

const page = `<!doctype html><meta charset="utf-8"><title>${peer}</title><script src="/${peer}.js"></script>`;

function serveStatic(req: IncomingMessage, res: ServerResponse) {
  if (req.url === `/${peer}.js`)
    return void res
      .writeHead(200, { 'content-type': 'text/javascript' })
      .end(readFileSync(join(dist ?? '', `peers-${peer}-page.js`)));
  res.writeHead(200, { 'content-type': 'text/html' }).end(page);
}

async function pouchHandler() {
  const PouchDB = PouchCore.plugin(memory)
    .plugin(http)
    .plugin(mapreduce)
    .plugin(replication)
    .defaults({ adapter: 'memory' });
  // Set up first: express-pouchdb serves only the databases created after it.
  const app = expressPouchdb(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const target = new PouchDB('org');
  const docs = org().map(({ id, ...rest }) => ({ _id: id, ...rest }));
  for (let i = 0; i < docs.length; i += 5000) await target.bulkDocs(docs.slice(i, i + 5000));
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/db/')) return serveStatic(req, res);
    req.url = req.url.slice(3);
    app(req, res);
  };
}

/** One collection on the server: the latest state of each document, in write order by seq. */
class Collection {
  private docs = new Map<string, { seq: number; doc: PeerDoc }>();
  private log: string[] = [];
  count = () => [...this.docs.values()].filter((d) => !d.doc._deleted).length;
  write(doc: PeerDoc) {
    this.log.push(doc.id);
    this.docs.set(doc.id, { seq: this.log.length, doc });
  }
  /** RxDB's push: a row whose assumed master state is not the current one is a conflict. */
  push(rows: { assumedMasterState?: PeerDoc; newDocumentState: PeerDoc }[]) {
    const conflicts: PeerDoc[] = [];
    for (const row of rows) {
      const current = this.docs.get(row.newDocumentState.id)?.doc;
      if (current && JSON.stringify(current) !== JSON.stringify(row.assumedMasterState))
        conflicts.push(current);
      else this.write(row.newDocumentState);
    }
    return conflicts;
  }
  pull(from: number, limit: number) {
    const documents: PeerDoc[] = [];
    let seq = from;
    while (seq < this.log.length && documents.length < limit) {
      const id = this.log[seq]!;
      seq += 1;
      const entry = this.docs.get(id);
      if (entry?.seq === seq) documents.push(entry.doc);
    }
    return { documents, checkpoint: { seq } };
  }
}

function rxdbHandler() {
  const stores = new Map<string, Collection>();
  const store = (name: string) => {
    let c = stores.get(name);
    if (!c) stores.set(name, (c = new Collection()));
    return c;
  };
  const plural = { participant: 'participants', session: 'sessions', record: 'records' };
  for (const doc of org()) store(`org/${plural[doc.kind]}`).write({ ...doc, _deleted: false });
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/rx\/([\w-]+\/\w+)\/(push|pull|count)$/.exec(url.pathname);
    if (!m) return serveStatic(req, res);
    const c = store(m[1]!);
    const reply = (body: unknown) =>
      void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (m[2] === 'count') return reply({ count: c.count() });
    if (m[2] === 'pull')
      return reply(
        c.pull(Number(url.searchParams.get('seq')), Number(url.searchParams.get('limit'))),
      );
    let body = '';
    req.on('data', (b: Buffer) => (body += b.toString()));
    req.on('end', () => reply(c.push(JSON.parse(body) as Parameters<Collection['push']>[0])));
  };
}

const handler = peer === 'pouch' ? await pouchHandler() : rxdbHandler();
createServer(handler).listen(Number(port), '127.0.0.1', () =>
  console.log(`${peer} listening on ${port}`),
);
