// The PouchDB packages ship no types (and @types/pouchdb-core pulls the DOM library into this
// Node project); these are the parts the peers bench uses.
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
  replicate: {
    to(target: PouchDatabase, opts?: { batch_size?: number }): Promise<unknown>;
    from(source: PouchDatabase, opts?: { batch_size?: number }): Promise<unknown>;
  };
}
interface PouchStatic {
  new (name: string): PouchDatabase;
  plugin(plugin: PouchPlugin): PouchStatic;
  defaults(opts: { adapter: string }): PouchStatic;
}
type PouchPlugin = { readonly __pouchPlugin?: never };

declare module 'pouchdb-browser' {
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchPlugin;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: PouchPlugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: PouchPlugin;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: PouchPlugin;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  const expressPouchdb: (PouchDB: PouchStatic, opts: Record<string, unknown>) => RequestListener;
  export default expressPouchdb;
}
