// What a push teaches the device about the server's clock: the offset it stamps with from now on,
// and the server's time merged into its hybrid logical clock, so its next stamp is after it.
import { clockOffsetMs, hlcReceive, type Hlc } from '@rollcall/conflict';
import type { RollcallDb } from './db.ts';

export async function noteServerTime(
  db: RollcallDb,
  sent: { sentMs: number; receivedMs: number; serverTime: string },
) {
  const serverMs = Date.parse(sent.serverTime);
  if (Number.isNaN(serverMs)) return;
  const offset = clockOffsetMs(sent.sentMs, sent.receivedMs, serverMs);
  await db.transaction('rw', db.meta, async () => {
    const local = (await db.meta.get('hlc'))?.value as Hlc | undefined;
    const remote = { wallMs: serverMs, counter: 0, nodeId: 'server' };
    const nodeId = local?.nodeId ?? 'device'; // the next local tick sets the device's own
    const merged = hlcReceive(local ?? null, remote, sent.receivedMs + offset, nodeId);
    await db.meta.bulkPut([
      { key: 'clockOffsetMs', value: offset },
      { key: 'hlc', value: merged },
    ]);
  });
}
