// Tells connected devices that something changed so they pull. In-process on SQLite (one server
// process owns the file); LISTEN/NOTIFY on PostgreSQL so every server process hears every commit.
import { EventEmitter } from 'node:events';
import pg from 'pg';

export interface ChangeNotice {
  organizationId: string;
  seq: number;
  sessionIds: string[];
}

export interface Notifier {
  publish(notice: ChangeNotice): Promise<void>;
  subscribe(organizationId: string, listener: (n: ChangeNotice) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'rollcall_changes';

function localHub() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (n: ChangeNotice) => emitter.emit(n.organizationId, n),
    subscribe(organizationId: string, listener: (n: ChangeNotice) => void) {
      emitter.on(organizationId, listener);
      return () => emitter.off(organizationId, listener);
    },
  };
}

export function memoryNotifier(): Notifier {
  const hub = localHub();
  return {
    publish: async (n) => void hub.emit(n),
    subscribe: hub.subscribe,
    close: async () => {},
  };
}

export async function postgresNotifier(
  url: string,
  onError: (e: unknown) => void,
): Promise<Notifier> {
  const hub = localHub();
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Pool({ connectionString: url, max: 2 });
  await listener.connect();
  listener.on('notification', (msg) => {
    try {
      if (msg.channel === CHANNEL && msg.payload) hub.emit(JSON.parse(msg.payload) as ChangeNotice);
    } catch (e) {
      onError(e);
    }
  });
  listener.on('error', onError);
  await listener.query(`LISTEN ${CHANNEL}`);
  return {
    publish: async (n) => {
      // NOTIFY payloads are limited to 8000 bytes; a long session list is trimmed (devices pull anyway).
      const payload = JSON.stringify({ ...n, sessionIds: n.sessionIds.slice(0, 100) });
      await sender.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    },
    subscribe: hub.subscribe,
    close: async () => {
      await listener.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
