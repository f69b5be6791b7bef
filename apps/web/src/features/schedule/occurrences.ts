// Weekly occurrences in the organization's time zone: 9:00 stays 9:00 on both sides of a DST
// change, and a 9:00 service is 9:00 at the organization whatever zone the admin's device is in.
import { addDays, formatLocalMinute, zonedInstant, type LocalDate } from '@rollcall/shared';

export function weeklyOccurrences(
  date: string,
  start: string,
  end: string,
  weeks: number,
  zone: string,
) {
  const first = date.split('-').map(Number) as LocalDate;
  const [sh, sm] = start.split(':').map(Number) as [number, number];
  const [eh, em] = end.split(':').map(Number) as [number, number];
  const at = (day: LocalDate, h: number, m: number) =>
    new Date(zonedInstant(day, [h, m], zone)).toISOString();
  return Array.from({ length: weeks }, (_, w) => {
    const day = addDays(first, 7 * w);
    return { scheduledStart: at(day, sh, sm), scheduledEnd: at(day, eh, em) };
  });
}

/** The date (YYYY-MM-DD) and time (HH:MM) of an instant in `zone`, for a form. */
export function localParts(iso: string, zone: string) {
  const [date = '', time = ''] = formatLocalMinute(Date.parse(iso), zone).split(' ');
  return { date, time };
}
