// CSV out: RFC 4180 cells with spreadsheet formulas defused, and streamed exports that hold one
// page of rows at a time however long the export is.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentDisposition } from './download.ts';

// CSV per RFC 4180, with formula injection defused: a cell starting with = + - @ (or a tab or
// carriage return, once NULs are removed) is prefixed with ' so a spreadsheet shows it instead of
// running it.
const RISKY = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A NUL is never data, and some spreadsheets skip it and then see a formula behind it.
  s = s.replace(/\0/g, '');
  if (RISKY.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** ?format=csv, or an Accept header that asks for text/csv. */
export const wantsCsv = (req: FastifyRequest) =>
  (req.query as { format?: string }).format === 'csv' ||
  /\btext\/csv\b/.test(req.headers.accept ?? '');

/** `fileName`: what it is saved as, in any script (report-file-name.ts names the reports). */
export function sendCsv<T>(
  reply: FastifyReply,
  fileName: string,
  header: string[],
  pages: AsyncIterable<T[]>,
  cells: (row: T) => unknown[],
) {
  async function* lines() {
    yield csvLine(header);
    for await (const page of pages) yield page.map((row) => csvLine(cells(row))).join('');
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachmentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(Readable.from(lines()));
}

export async function* onePage<T>(rows: T[]) {
  yield rows;
}
