// Wall-clock times in an organization's or device's time zone, turned into instants without a
// library: files exported from other systems say "2025-03-02, 09:30", not an ISO instant.
import { isTimeZoneName, zonedInstant } from '@rollcall/shared';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const isTimeZone = isTimeZoneName;

export function parseLocalDate(s: string): [number, number, number] | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d ? [y, mo, d] : null;
}

export function parseLocalTime(s: string): [number, number] | null {
  const m = TIME.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump maps to the instant
 * after the jump; a time that happens twice maps to the first of the two.
 */
export function localToInstant(
  date: [number, number, number],
  time: [number, number],
  tz: string,
): number {
  // A file repeats the same few dates and times on thousands of rows.
  const key = `${tz}|${date.join('-')}|${time.join(':')}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  if (instants.size > 50_000) instants.clear();
  const at = zonedInstant(date, time, tz);
  instants.set(key, at);
  return at;
}
const instants = new Map<string, number>();
