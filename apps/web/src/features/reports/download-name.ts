// What a downloaded report is called: the report, what it covers (the session and its day, or the
// group and the dates) and, for reports without dates, the day it was made, so two downloads of
// different sessions never share a name in the Downloads folder.
import { formatLocalDate, localDateOf } from '@rollcall/shared';

interface DownloadScope {
  kind: string;
  format: 'csv' | 'pdf';
  zone: string;
  nowMs: number;
  session?: { name: string; scheduledStart: string } | undefined;
  group?: { name: string } | undefined;
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
