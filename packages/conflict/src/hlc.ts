// Hybrid logical clock: wall time plus a counter, so stamps keep causal order even when a device's
// clock stalls or steps back. The caller passes the time; this module reads no clock.
export interface Hlc {
  wallMs: number;
  counter: number;
  nodeId: string;
}

const MAX_COUNTER = 99_999;
const PATTERN = /^(\d{15})-(\d{5})-([A-Za-z0-9_-]{1,64})$/;

export const formatHlc = (h: Hlc): string =>
  `${String(h.wallMs).padStart(15, '0')}-${String(h.counter).padStart(5, '0')}-${h.nodeId}`;

export function parseHlc(s: string): Hlc | null {
  const m = PATTERN.exec(s);
  return m?.[3] ? { wallMs: Number(m[1]), counter: Number(m[2]), nodeId: m[3] } : null;
}

// A counter that would overflow its five digits borrows a millisecond instead.
const normalise = (wallMs: number, counter: number, nodeId: string): Hlc =>
  counter > MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0, nodeId } : { wallMs, counter, nodeId };

/** A local event (a scan): never goes backwards, whatever the wall clock does. */
export function hlcTick(prev: Hlc | null, nowMs: number, nodeId: string): Hlc {
  const now = Math.floor(nowMs);
  if (!prev || now > prev.wallMs) return { wallMs: now, counter: 0, nodeId };
  return normalise(prev.wallMs, prev.counter + 1, nodeId);
}

/** Merging a stamp seen from elsewhere (a pulled record): the result is after both. */
export function hlcReceive(local: Hlc | null, remote: Hlc, nowMs: number, nodeId: string): Hlc {
  const l = local ?? { wallMs: 0, counter: -1, nodeId };
  const wall = Math.max(l.wallMs, remote.wallMs, Math.floor(nowMs));
  if (wall === l.wallMs && wall === remote.wallMs)
    return normalise(wall, Math.max(l.counter, remote.counter) + 1, nodeId);
  if (wall === l.wallMs) return normalise(wall, l.counter + 1, nodeId);
  if (wall === remote.wallMs) return normalise(wall, remote.counter + 1, nodeId);
  return { wallMs: wall, counter: 0, nodeId };
}

/** Stamps sort as strings; this is that order. */
export const compareHlc = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The server's clock minus the device's, learnt from one request: the server read its clock
 * (`serverMs`) somewhere between the device's `sentMs` and `receivedMs`; the midpoint is the best
 * guess, off by at most half the round trip. A device stamps `now + offset`, so a phone an hour
 * slow stops "arriving first" from its first sync on.
 */
export const clockOffsetMs = (sentMs: number, receivedMs: number, serverMs: number): number =>
  Math.round(serverMs - (sentMs + receivedMs) / 2);
