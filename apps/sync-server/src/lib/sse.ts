// Server-sent event streams. Open streams are ended before the server closes (or close() would
// wait on them forever), and a heartbeat keeps proxies from closing an idle connection. Streams are
// counted per device (a stolen token cannot open hundreds) and re-checked periodically, so a
// revoked or signed-out device stops hearing names even on another server process.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const HEARTBEAT_MS = 15_000;
export const MAX_STREAMS_PER_DEVICE = 4;

export interface StreamRegistry {
  /** Ends every open stream of a device (revoked, signed out). */
  closeDevice(deviceId: string): void;
  count(deviceId: string): number;
  readonly byDevice: Map<string, Set<() => void>>;
  readonly allowed: (deviceId: string) => Promise<boolean>;
  readonly recheckMs: number;
}

const registries = new WeakMap<object, StreamRegistry>();

/** One registry per server, shared by every stream route. */
export function streamRegistry(
  app: FastifyInstance,
  opts: { allowed: (deviceId: string) => Promise<boolean>; recheckMs?: number },
): StreamRegistry {
  const existing = registries.get(app.server);
  if (existing) return existing;
  const byDevice = new Map<string, Set<() => void>>();
  const registry: StreamRegistry = {
    byDevice,
    allowed: opts.allowed,
    recheckMs: opts.recheckMs ?? 30_000,
    count: (deviceId) => byDevice.get(deviceId)?.size ?? 0,
    closeDevice: (deviceId) => {
      for (const end of [...(byDevice.get(deviceId) ?? [])]) end();
    },
  };
  registries.set(app.server, registry);
  app.addHook('preClose', async () => {
    for (const ends of byDevice.values()) for (const end of [...ends]) end();
  });
  return registry;
}

export function openEventStream(
  req: FastifyRequest,
  reply: FastifyReply,
  registry: StreamRegistry,
  onEnd: () => void,
) {
  const deviceId = req.auth?.deviceId ?? 'anonymous';
  if (registry.count(deviceId) >= MAX_STREAMS_PER_DEVICE)
    throw new HttpError(
      429,
      'too_many_streams',
      `A device may hold ${MAX_STREAMS_PER_DEVICE} event streams at once; close one first`,
    );
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const send = (event: string, data: unknown) =>
    void res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const recheck = setInterval(() => {
    registry.allowed(deviceId).then(
      (ok) => ok || end(),
      () => {}, // a database hiccup is not a reason to drop a legitimate stream
    );
  }, registry.recheckMs);
  const own = registry.byDevice.get(deviceId) ?? new Set();
  registry.byDevice.set(deviceId, own);
  const end = () => {
    clearInterval(beat);
    clearInterval(recheck);
    if (!own.delete(end)) return;
    if (own.size === 0) registry.byDevice.delete(deviceId);
    onEnd();
    if (!res.writableEnded) res.end();
  };
  own.add(end);
  req.raw.on('close', end);
  return { send };
}
