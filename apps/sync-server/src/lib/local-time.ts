// Wall-clock times in an organization's or device's time zone, turned into instants without a
// library: files exported from other systems say "2025-03-02, 09:30", not an ISO instant.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

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

// Building a formatter costs far more than using one, and an import asks for every row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(ms: number, tz: string): number {
  const parts = formatter(tz).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return (
    Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) -
    Math.floor(ms / 1000) * 1000
  );
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
  const at = computeInstant(date, time, tz);
  instants.set(key, at);
  return at;
}
const instants = new Map<string, number>();

function computeInstant(
  date: [number, number, number],
  time: [number, number],
  tz: string,
): number {
  const wall = Date.UTC(date[0], date[1] - 1, date[2], time[0], time[1]);
  const HALF_DAY = 12 * 3600_000;
  // Offsets before and after any transition near this day; a candidate is right if it reads back.
  const [before, after] = [offsetAt(wall - HALF_DAY, tz), offsetAt(wall + HALF_DAY, tz)];
  const valid = [wall - before, wall - after].filter((c) => c + offsetAt(c, tz) === wall);
  return valid.length ? Math.min(...valid) : wall - before;
}
