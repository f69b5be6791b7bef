// Calendar days and wall-clock times in an organization's time zone, with Intl only. A Saturday
// 7 pm service in Los Angeles is a Saturday wherever the server or the device runs, so nothing
// here reads the host's zone: every function takes the zone it means.

/** A calendar date: [year, month 1-12, day]. */
export type LocalDate = [number, number, number];

const NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * An IANA zone name this runtime knows ("Europe/Berlin", "UTC"). Intl.supportedValuesOf lists only
 * canonical names (no "UTC", "Asia/Calcutta" but not "Asia/Kolkata" on some runtimes), while
 * browsers report either: a name is accepted when Intl can format in it.
 */
export function isTimeZoneName(tz: string): boolean {
  if (tz.length > 64 || !NAME.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Building a formatter costs far more than using one, and reports ask for every row.
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

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the formatter says the wall clock shows: slow (a PDF asks for every row), so cached below. */
function formatParts(ms: number, tz: string): WallClock {
  const parts = formatter(tz).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour'),
    minute: n('minute'),
    second: n('second'),
  };
}

// Zones change offset on a quarter hour (every offset in use is a multiple of 15 minutes), so one
// offset holds for a whole quarter hour of UTC: asked once per quarter, not once per instant.
const QUARTER = 15 * 60_000;
const offsets = new Map<string, number>();

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(ms: number, tz: string): number {
  const quarter = Math.floor(ms / QUARTER) * QUARTER;
  const key = `${tz}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const w = formatParts(quarter, tz);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - quarter;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** What a clock on the wall in `tz` shows at an instant. */
export function wallClock(ms: number, tz: string): WallClock {
  const d = new Date(ms + offsetAt(ms, tz));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump maps to the instant
 * after the jump; a time that happens twice maps to the first of the two.
 */
export function zonedInstant(date: LocalDate, time: [number, number], tz: string): number {
  const wall = Date.UTC(date[0], date[1] - 1, date[2], time[0], time[1]);
  const HALF_DAY = 12 * 3600_000;
  // Offsets before and after any transition near this day; a candidate is right if it reads back.
  const [before, after] = [offsetAt(wall - HALF_DAY, tz), offsetAt(wall + HALF_DAY, tz)];
  const valid = [wall - before, wall - after].filter((c) => c + offsetAt(c, tz) === wall);
  return valid.length ? Math.min(...valid) : wall - before;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date in `tz` at an instant. */
export function localDateOf(ms: number, tz: string): LocalDate {
  const w = wallClock(ms, tz);
  return [w.year, w.month, w.day];
}

/** "2026-03-07". */
export const formatLocalDate = (d: LocalDate) => `${d[0]}-${pad(d[1])}-${pad(d[2])}`;

/** "2026-03-07 19:00", the wall clock in `tz`. */
export function formatLocalMinute(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${formatLocalDate([w.year, w.month, w.day])} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The date `days` calendar days after `d` (negative: before). */
export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d[0], d[1] - 1, d[2] + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** 0 for Sunday to 6 for Saturday. */
export const weekdayOf = (d: LocalDate) => new Date(Date.UTC(d[0], d[1] - 1, d[2])).getUTCDay();

/** The instant the local day starts (a day after a DST change is 23 or 25 hours long). */
export const startOfLocalDay = (d: LocalDate, tz: string) => zonedInstant(d, [0, 0], tz);

/** Midnight to midnight, in `tz`, of the day that holds `ms`. */
export function localDayAround(ms: number, tz: string): { start: number; end: number } {
  const d = localDateOf(ms, tz);
  return { start: startOfLocalDay(d, tz), end: startOfLocalDay(addDays(d, 1), tz) };
}
