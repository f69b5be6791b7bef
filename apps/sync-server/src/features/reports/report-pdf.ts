// The PDF exports' one A4 layout: on every page the organization, the report's title, its filters,
// when it was generated (the app clock) and the page number. The document streams to the reply as
// it is drawn: pdfkit writes a page out when the next one starts, and row loops wait for the reader
// between pages of rows (`ready`), so a long export holds a page of rows, never the export.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatLocalMinute } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { Database } from '../../db/schema.ts';
import { organizationOf } from './reports.repository.ts';
import { attachmentDisposition } from '../../lib/download.ts';
import { inFaceFor, registerFonts } from './pdf-fonts.ts';
import { reportWords, type Words } from './report-words.ts';

export const FONT = 'Sans';
export const BOLD = 'Sans-Bold';
export const GREY = '#555555';
export const RULE = '#b8b8b8';
const MARGIN = { top: 36, bottom: 48, side: 40 };
const FRAME_HEIGHT = 58; // the running header, above the page's content
const CHUNK = 16 * 1024;

export interface PdfMeta {
  organization: string;
  /** Every time printed is a wall-clock time in this zone (the organization's), said on each page. */
  zone: string;
  title: string;
  filters: string[];
  generatedAt: number;
  /** The organization's language and terms; English with generic terms when not given. */
  words?: Words;
}

const GENERIC = reportWords('en', {
  session: 'Session',
  participant: 'Participant',
  group: 'Group',
});

export interface ReportPdf {
  doc: PDFKit.PDFDocument;
  /** Left edge and width of the content area. */
  left: number;
  width: number;
  /** Lowest y content may reach on a page. */
  bottom: number;
  /** Starts a new page unless `height` points are left on this one. */
  ensure(height: number): void;
  heading(text: string): void;
  /** Label-over-value cells, four to a line: a report's totals. */
  facts(pairs: [string, string | number][]): void;
  /** Resolves once the reader has caught up with what was drawn; false when the reader has gone. */
  ready(): Promise<boolean>;
  /** "2026-03-07 19:00": a moment in the document's zone. */
  time(at: string | number): string;
  /** The words to draw with: the organization's language and terms. */
  words: Words;
}

/** ?format=pdf, or (without a format) an Accept header that asks for application/pdf. */
export function wantsPdf(req: FastifyRequest) {
  const format = (req.query as { format?: string }).format;
  return (
    format === 'pdf' ||
    (format === undefined && /\bapplication\/pdf\b/.test(req.headers.accept ?? ''))
  );
}

/** Tabs and line breaks become spaces (a cell is one line); other control characters go. */
export function pdfSafe(text: string): string {
  return text.replace(/\s/g, ' ').replace(/\p{Cc}/gu, '');
}

const RTL = /^[\s\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+$/;
/**
 * pdfkit shapes each word right to left but places the words left to right: an all-Arabic (or
 * Hebrew) name gets its words reversed so it reads in order from the right. Mixed strings are
 * left as they are (no full bidi here).
 */
export const visualOrder = (s: string) => (RTL.test(s) ? s.split(' ').reverse().join(' ') : s);

/** The text, cut with an ellipsis to fit `width` in the current font. */
export function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const safe = pdfSafe(text);
  // No glyph of ours is wider than the line height: a short string needs no measuring.
  if (safe.length * doc.currentLineHeight() <= width || doc.widthOfString(safe) <= width)
    return safe;
  let [lo, hi] = [0, safe.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${safe.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${safe.slice(0, lo).trimEnd()}…`;
}

/**
 * A single line at (x, y), never wrapped and never starting a page (the frame draws in the
 * margins). The cursor stays where it was: layout moves it explicitly.
 */
export function line(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  opts: { width: number; align?: 'left' | 'right' | 'center' },
) {
  inFaceFor(doc, text, (dy) => {
    const s = visualOrder(fit(doc, text, opts.width));
    const shift =
      opts.align === 'right'
        ? opts.width - doc.widthOfString(s)
        : opts.align === 'center'
          ? (opts.width - doc.widthOfString(s)) / 2
          : 0;
    const [cx, cy] = [doc.x, doc.y];
    doc.text(s, x + shift, y + dy, { lineBreak: false });
    [doc.x, doc.y] = [cx, cy];
  });
}

/** A moment as the PDFs show it: to the minute, on the wall clock of `zone` (the frame names it). */
export const stamp = (at: string | number, zone: string) =>
  formatLocalMinute(typeof at === 'number' ? at : Date.parse(at), zone);
export const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function drawFrame(doc: PDFKit.PDFDocument, meta: PdfMeta, w: Words, page: number) {
  const [left, width, height] = [MARGIN.side, doc.page.width - 2 * MARGIN.side, doc.page.height];
  doc.font(FONT).fontSize(8).fillColor(GREY);
  line(doc, meta.organization, left, MARGIN.top, { width: width * 0.6 });
  line(doc, w.generated(stamp(meta.generatedAt, meta.zone)), left + width * 0.6, MARGIN.top, {
    width: width * 0.4,
    align: 'right',
  });
  doc.font(BOLD).fontSize(15).fillColor('black');
  line(doc, meta.title, left, MARGIN.top + 12, { width });
  doc.font(FONT).fontSize(8.5).fillColor(GREY);
  line(doc, [...meta.filters, w.timesIn(meta.zone)].join('  ·  '), left, MARGIN.top + 32, {
    width,
  });
  doc
    .moveTo(left, MARGIN.top + 46)
    .lineTo(left + width, MARGIN.top + 46)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.fontSize(8);
  line(doc, `Rollcall · ${meta.title}`, left, height - MARGIN.bottom + 18, { width: width / 2 });
  line(doc, w.page(page), left + width / 2, height - MARGIN.bottom + 18, {
    width: width / 2,
    align: 'right',
  });
  doc.fillColor('black');
  doc.x = left;
  doc.y = MARGIN.top + FRAME_HEIGHT;
}

/**
 * pdfkit pushes whatever it draws, heedless of the reader, in pieces of a few bytes (each object's
 * header, body, trailer); this stream gathers them into 16 KiB chunks and lets the drawing wait.
 */
function backpressured(doc: PDFKit.PDFDocument) {
  let wake: (() => void) | null = null;
  let gone = false;
  let pending: Buffer[] = [];
  let size = 0;
  const resume = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const out = new Readable({ read: resume });
  const flush = () => {
    if (size === 0 || gone) return;
    out.push(Buffer.concat(pending, size));
    [pending, size] = [[], 0];
  };
  doc.on('data', (chunk: Buffer) => {
    pending.push(chunk);
    size += chunk.length;
    if (size >= CHUNK) flush();
  });
  doc.on('end', () => {
    flush();
    if (!gone) out.push(null);
  });
  out.on('close', () => {
    gone = true;
    resume();
  });
  async function ready() {
    await new Promise((r) => setImmediate(r)); // lets the document's own buffered pieces arrive first
    flush();
    while (!gone && out.readableLength >= out.readableHighWaterMark)
      await new Promise<void>((r) => (wake = r));
    return !gone;
  }
  return { out, ready };
}

export function openPdf(meta: PdfMeta): { pdf: ReportPdf; stream: Readable } {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
    info: {
      Title: pdfSafe(meta.title),
      Author: pdfSafe(meta.organization),
      Creator: 'Rollcall',
      CreationDate: new Date(meta.generatedAt),
    },
    pdfVersion: '1.7',
    // pdfkit would keep every word it ever laid out (each name of a 100,000-row export): no cache.
    fontLayoutCache: false,
  });
  registerFonts(doc);
  const words = meta.words ?? GENERIC;
  let page = 0;
  doc.on('pageAdded', () => drawFrame(doc, meta, words, (page += 1)));
  const { out, ready } = backpressured(doc);
  doc.addPage();
  const pdf: ReportPdf = {
    doc,
    ready,
    words,
    time: (at) => stamp(at, meta.zone),
    left: MARGIN.side,
    width: doc.page.width - 2 * MARGIN.side,
    bottom: doc.page.height - MARGIN.bottom,
    ensure: (height) => void (doc.y + height > pdf.bottom && doc.addPage()),
    heading(text) {
      pdf.ensure(56); // a heading never ends a page
      doc.font(BOLD).fontSize(11).fillColor('black');
      line(doc, text, pdf.left, doc.y + 8, { width: pdf.width });
      doc.y += 26;
    },
    facts(pairs) {
      const w = pdf.width / 4;
      for (let i = 0; i < pairs.length; i += 4) {
        pdf.ensure(30);
        const y = doc.y;
        pairs.slice(i, i + 4).forEach(([label, value], j) => {
          doc.font(FONT).fontSize(8).fillColor(GREY);
          line(doc, label, pdf.left + j * w, y, { width: w - 6 });
          doc.font(BOLD).fontSize(12).fillColor('black');
          line(doc, String(value), pdf.left + j * w, y + 10, { width: w - 6 });
        });
        doc.y = y + 30;
      }
    },
  };
  return { pdf, stream: out };
}

export interface PdfRequest {
  db: Kysely<Database>;
  org: string;
  nowMs: number;
  reply: FastifyReply;
  /** What the PDF is saved as (report-file-name.ts). */
  fileName: string;
}

/** The words of the organization's exports, for what is decided before drawing (title, filters). */
export const wordsOf = async (r: PdfRequest) => (await organizationOf(r.db, r.org)).words;

/**
 * Answers with the PDF while `draw` is still drawing it. Call it once every 4xx is ruled out: after
 * the first byte, a failure can only cut the download short (and is logged), never become a 404.
 */
export async function sendPdf(
  r: PdfRequest,
  report: { name: string; title: string; filters: string[] },
  draw: (pdf: ReportPdf) => Promise<void>,
) {
  const org = await organizationOf(r.db, r.org);
  const meta = {
    organization: org.name,
    zone: org.zone,
    title: report.title,
    filters: report.filters,
    generatedAt: r.nowMs,
    words: org.words,
  };
  const { pdf, stream } = openPdf(meta);
  draw(pdf).then(
    () => pdf.doc.end(),
    (e: unknown) => {
      r.reply.log.error({ err: e }, `the ${report.name} PDF failed while streaming`);
      stream.destroy(e instanceof Error ? e : new Error(String(e)));
    },
  );
  return r.reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentDisposition(r.fileName))
    .header('cache-control', 'no-store')
    .send(stream);
}
