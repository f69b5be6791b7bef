// The PDF layer without a database: rows are drawn as they arrive and no faster than the reader
// takes the document, a reader that leaves stops the row source, and text the standard fonts
// cannot show is folded rather than garbled.
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.ts';
import { streamRows, table } from './pdf-table.ts';
import { openPdf, pdfSafe } from './report-pdf.ts';

const META = {
  organization: 'Stream Org',
  zone: 'UTC',
  title: 'Stream test',
  filters: ['Every group'],
  generatedAt: Date.parse('2026-11-22T09:30:00Z'),
};
const PAGES = 30;

function source() {
  const seen = { pulled: 0, closed: false };
  async function* rows() {
    try {
      for (let p = 0; p < PAGES; p++) {
        seen.pulled += 1;
        yield Array.from({ length: 100 }, (_, i) => `Row ${String(p * 100 + i).padStart(4, '0')}`);
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, rows: rows() };
}

function draw() {
  const { seen, rows } = source();
  const { pdf, stream } = openPdf(META);
  const t = table(pdf, [{ header: 'Row', width: 1 }]);
  const drawing = streamRows(pdf, t, rows, (r) => [r]).then((complete) => {
    pdf.doc.end();
    return complete;
  });
  return { seen, stream, drawing };
}

const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('streamed PDF', () => {
  it('reads rows no faster than the reader takes pages, and loses none', async () => {
    const { seen, stream, drawing } = draw();
    await idle(300); // ample time to draw all 3,000 rows, were nothing holding it back
    const stalledAt = seen.pulled;
    expect(stalledAt).toBeLessThan(PAGES / 2);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(await drawing).toBe(true);
    expect(seen.pulled).toBe(PAGES);
    const { pages } = await pdfText(Buffer.concat(chunks));
    const rows = pages.flat().filter((l) => l.startsWith('Row '));
    expect(rows).toHaveLength(PAGES * 100);
    expect(rows.at(-1)).toBe('Row 2999');
    expect(pages.length).toBeGreaterThan(50); // about 45 rows to a page
    expect(
      pages.every(
        (lines, i) =>
          lines.includes('Row') && lines.at(-1) === `Rollcall · Stream test | Page ${i + 1}`,
      ),
    ).toBe(true);
  });

  it('stops reading rows when the reader goes away', async () => {
    const { seen, stream, drawing } = draw();
    await idle(100);
    stream.destroy();
    expect(await drawing).toBe(false);
    expect(seen.closed).toBe(true);
    expect(seen.pulled).toBeLessThan(PAGES);
  });
});

describe('pdfSafe', () => {
  it('keeps every script as written; a tab or line break becomes a space, control characters go', () => {
    expect(pdfSafe('Zoë Müller-Løkke — “Ann”')).toBe('Zoë Müller-Løkke — “Ann”');
    expect(pdfSafe('Łukasz Nguyễn Đặng')).toBe('Łukasz Nguyễn Đặng');
    expect(pdfSafe('김민준\tمحمد\nA\u0007')).toBe('김민준 محمد A');
  });
});
