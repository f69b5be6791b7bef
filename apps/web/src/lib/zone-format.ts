// Times as every screen shows them: on the organization's wall clock (one zone throughout), not
// this device's. The app shell keeps the zone current (useDisplayZone in settings/org-zone.ts);
// until it knows the organization's, it is this device's.
import { formatLocalDate, localDateOf } from '@rollcall/shared';
import { formatLocale } from '../i18n/i18n.ts';

export const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

let shown = deviceZone();
export const displayZone = () => shown;
export const setDisplayZone = (zone: string) => void (shown = zone);

const at = (iso: string | number, zone: string, opts: Intl.DateTimeFormatOptions) =>
  new Date(iso).toLocaleString(formatLocale(), { ...opts, timeZone: zone });

/** "7:04 PM". */
export const timeIn = (iso: string | number, zone = shown) =>
  at(iso, zone, { hour: 'numeric', minute: '2-digit' });
/** "Sat, 7 Mar". */
export const dayIn = (iso: string | number, zone = shown) =>
  at(iso, zone, { weekday: 'short', day: 'numeric', month: 'short' });
/** "3/7/2026", as the locale writes a date. */
export const dateIn = (iso: string | number, zone = shown) =>
  at(iso, zone, { year: 'numeric', month: 'numeric', day: 'numeric' });
/** "3/7/26, 7:04 PM". */
export const dateTimeIn = (iso: string | number, zone = shown) =>
  at(iso, zone, { dateStyle: 'short', timeStyle: 'short' });

/** "2026-03-07": the calendar date in the zone now (or at `ms`). */
export const todayIn = (zone = shown, ms = Date.now()) => formatLocalDate(localDateOf(ms, zone));
