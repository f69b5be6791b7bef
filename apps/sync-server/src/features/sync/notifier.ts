// Tells connected devices that something changed so they pull. In-process on SQLite (one server
// process owns the file); LISTEN/NOTIFY on PostgreSQL so every server process hears every commit.
import { AsyncResource } from 'node:async_hooks';
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
    /** "Something changed" (no session list) to every organization that has a subscriber. */
    emitToAll: () => {
      for (const org of emitter.eventNames())
        emitter.emit(org, { organizationId: String(org), seq: 0, sessionIds: [] });
    },
    // A listener runs in its subscriber's async context (a request's tenant scope, see
    // db/tenant-context.ts), not in whichever connection's callback delivered the notice.
    subscribe(organizationId: string, listener: (n: ChangeNotice) => void) {
      const bound = AsyncResource.bind(listener);
      emitter.on(organizationId, bound);
      return () => emitter.off(organizationId, bound);
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

/** Waits between attempts to listen again: doubling from `minDelayMs`, never above `maxDelayMs`. */
export interface Backoff {
  minDelayMs: number;
  maxDelayMs: number;
}
const BACKOFF: Backoff = { minDelayMs: 250, maxDelayMs: 30_000 };
// Named so operators (and tests) can find the notifier's connections in pg_stat_activity.
const LISTENER_NAME = 'rollcall-notifier-listen';
const SENDER_NAME = 'rollcall-notifier-send';

async function listen(url: string, onNotification: (m: pg.Notification) => void) {
  const client = new pg.Client({ connectionString: url, application_name: LISTENER_NAME });
  client.on('notification', onNotification);
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    return client;
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
}

export async function postgresNotifier(
  url: string,
  onError: (e: unknown) => void,
  backoff: Backoff = BACKOFF,
): Promise<Notifier> {
  const hub = localHub();
  const sender = new pg.Pool({ connectionString: url, max: 2, application_name: SENDER_NAME });
  // An idle pooled connection that drops is replaced on next use; unhandled, it would crash us.
  sender.on('error', onError);
  const onNotification = (msg: pg.Notification) => {
    try {
      if (msg.channel === CHANNEL && msg.payload) hub.emit(JSON.parse(msg.payload) as ChangeNotice);
    } catch (e) {
      onError(e);
    }
  };
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let listener = await listen(url, onNotification);
  // A dropped listener (a restart, a failover, an admin) hears nothing until it LISTENs again:
  // retry with growing, jittered delays until it does or the notifier is closed.
  const retry = () => {
    if (closed) return;
    const delay = Math.min(backoff.maxDelayMs, backoff.minDelayMs * 2 ** failures++);
    timer = setTimeout(
      () => {
        listen(url, onNotification).then(
          (client) => {
            if (closed) return void client.end().catch(() => {});
            failures = 0;
            watch((listener = client));
            // PostgreSQL does not replay what was sent while nobody listened: tell every
            // organization with subscribers that something may have changed, so devices pull.
            hub.emitToAll();
          },
          (e: unknown) => {
            onError(e);
            retry();
          },
        );
      },
      delay * (0.5 + Math.random() / 2),
    );
  };
  const watch = (client: pg.Client) => {
    client.on('error', onError);
    client.once('end', retry);
  };
  watch(listener);
  return {
    publish: async (n) => {
      // NOTIFY payloads are limited to 8000 bytes; a long session list is trimmed (devices pull anyway).
      const payload = JSON.stringify({ ...n, sessionIds: n.sessionIds.slice(0, 100) });
      await sender.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    },
    subscribe: hub.subscribe,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await listener.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
