// Server-sent event streams. Open streams are ended before the server closes (or close() would
// wait on them forever), and a heartbeat keeps proxies from closing an idle connection.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

export function streamRegistry(app: FastifyInstance) {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  return open;
}

export function openEventStream(
  req: FastifyRequest,
  reply: FastifyReply,
  registry: Set<() => void>,
  onEnd: () => void,
) {
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
  const end = () => {
    clearInterval(beat);
    onEnd();
    registry.delete(end);
    if (!res.writableEnded) res.end();
  };
  registry.add(end);
  req.raw.on('close', end);
  return { send };
}
