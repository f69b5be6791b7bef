// What a downloaded report is called, on the device (the web's own downloads) and from the server
// (its CSV and PDF exports) alike: the report, what it covers (the session and its day, or the
// group and the dates) and, for reports without dates, the day it was made, so two downloads of
// different sessions never share a name in the Downloads folder. Days are the organization's.
import { formatLocalDate, localDateOf } from './zoned-time.ts';

export interface DownloadScope {
  kind: string;
  format: 'csv' | 'pdf';
  /** The organization's time zone: a session's day, and today, are its days. */
  zone: string;
  nowMs: number;
  session?: { name: string; scheduledStart: string } | undefined;
  group?: { name: string } | undefined;
  /** Its days, as the report's filters give them (YYYY-MM-DD). */
  range?: { from: string; to: string } | undefined;
}

/** Lower-case words joined by hyphens; letters of any script are kept. */
const slug = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export function downloadName(d: DownloadScope) {
  const day = (ms: number) => formatLocalDate(localDateOf(ms, d.zone));
  const parts = ['rollcall', d.kind];
  if (d.session) parts.push(slug(d.session.name), day(Date.parse(d.session.scheduledStart)));
  else {
    if (d.group) parts.push(slug(d.group.name));
    parts.push(d.range ? `${d.range.from}-to-${d.range.to}` : day(d.nowMs));
  }
  return `${parts.filter(Boolean).join('-')}.${d.format}`;
}

/**
 * The name in printable ASCII, for a Content-Disposition's plain `filename=` (older clients read
 * only that): accents dropped ("Culto dominical" stays, "Jóvenes" becomes "Jovenes"), letters
 * without an ASCII form ("Ł", "김") left out, quotes and backslashes made harmless.
 */
export function asciiFileName(name: string) {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_')
    .replace(/-{2,}/g, '-')
    .replace(/^[-\s]+/, '');
  return ascii || 'download';
}
