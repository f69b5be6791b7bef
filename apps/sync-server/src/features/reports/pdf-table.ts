// Tables in the PDF exports: single-line rows of one height (long text is cut with an ellipsis, so
// every page holds the same number of rows), the header row repeated on each page the table
// reaches, and rows written as their pages arrive from the database.
import { BOLD, FONT, line, RULE, type ReportPdf } from './report-pdf.ts';

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}
export type Cell = string | number | null | undefined;
export interface Table {
  row(cells: Cell[]): void;
  readonly rows: number;
}

const PAD = 4;
const SIZE = 8.5;

/** Column widths are relative: they share the table's width, the page's content width unless given. */
export function table(
  pdf: ReportPdf,
  columns: Column[],
  opts: { rowHeight?: number; ruled?: boolean; width?: number } = {},
): Table {
  const { doc } = pdf;
  const h = opts.rowHeight ?? 15;
  const span = opts.width ?? pdf.width;
  const total = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * span);
  const xs = widths.map((_, i) => pdf.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const draw = (cells: Cell[], bold: boolean) => {
    const y = doc.y;
    doc
      .font(bold ? BOLD : FONT)
      .fontSize(SIZE)
      .fillColor('black');
    const top = y + (h - doc.currentLineHeight()) / 2 + 1;
    cells.forEach((c, i) =>
      line(doc, c === null || c === undefined ? '' : String(c), xs[i]! + PAD, top, {
        width: widths[i]! - 2 * PAD,
        align: columns[i]!.align ?? 'left',
      }),
    );
    doc.y = y + h;
  };
  const header = () => {
    doc.rect(pdf.left, doc.y, span, h).fill('#ececec');
    draw(
      columns.map((c) => c.header),
      true,
    );
  };
  pdf.ensure(2 * h); // never a header row alone at the foot of a page
  header();
  let rows = 0;
  return {
    row(cells) {
      if (doc.y + h > pdf.bottom) {
        doc.addPage();
        header();
      }
      draw(cells, false);
      if (opts.ruled)
        doc
          .moveTo(pdf.left, doc.y)
          .lineTo(pdf.left + span, doc.y)
          .lineWidth(0.4)
          .strokeColor(RULE)
          .stroke();
      rows += 1;
    },
    get rows() {
      return rows;
    },
  };
}

/**
 * Writes rows as their pages arrive, and waits for the reader after each page, so the database is
 * read no faster than the download goes. False when the reader went away (the caller stops).
 */
export async function streamRows<T>(
  pdf: ReportPdf,
  t: Table,
  pages: AsyncIterable<T[]>,
  cells: (row: T, n: number) => Cell[],
): Promise<boolean> {
  for await (const page of pages) {
    for (const r of page) t.row(cells(r, t.rows + 1));
    if (!(await pdf.ready())) return false; // leaving the loop closes the row source
  }
  return true;
}
