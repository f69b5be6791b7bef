// The departure rule for one (session, participant): when two devices record the person leaving at
// different times, the latest departure stands. Someone seen at the door later was still there, so
// the latest time is the one the facts support; the earlier one stays in the change log and the
// audit log. A join (the maximum in arrival order), so it is deterministic, order-independent and
// idempotent (property-tested in departure.property.test.ts).
import { parseHlc } from './hlc.ts';

export interface Departure {
  changeId: string;
  deviceId: string;
  userId: string;
  hlc: string; // orders departures, and its physical part is the time left
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The HLC stamp, then device and change id: the same tie-break as arrivals. */
const byStamp = (a: Departure, b: Departure) =>
  cmp(a.hlc, b.hlc) || cmp(a.deviceId, b.deviceId) || cmp(a.changeId, b.changeId);

export interface DepartureResult {
  next: Departure;
  /** applied: it is now the record's departure; merged: a later (or the same) one stands. */
  outcome: 'applied' | 'merged';
}

export function mergeDeparture(current: Departure | null, incoming: Departure): DepartureResult {
  if (current && byStamp(incoming, current) <= 0) return { next: current, outcome: 'merged' };
  return { next: incoming, outcome: 'applied' };
}

/**
 * When the person left, in epoch ms: the physical part of the stamp. The device stamps in the
 * server's time as it last learnt it (see `clockOffsetMs`), so a phone with a wrong clock does not
 * move it by hours.
 */
export function departureMs(d: Pick<Departure, 'hlc'>): number {
  const h = parseHlc(d.hlc);
  if (!h) throw new Error(`not an HLC stamp: ${d.hlc}`);
  return h.wallMs;
}
