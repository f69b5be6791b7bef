// For tests (the server's and the browser suite's): a produced PDF parsed for real with pdf.js and
// turned into its text, page by page and line by line, as a reader would see it.
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js reads the 14 standard fonts' metrics from files; without them it warns on every page.
const standardFontDataUrl = createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, 'standard_fonts/');

export interface PdfText {
  /** Each page's lines, top to bottom; a line's pieces left to right, joined by " | ". */
  pages: string[][];
  /** Every line of every page. */
  text: string;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js may detach the buffer it is given: it gets a copy.
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const lines = new Map<number, { x: number; s: string }[]>();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = Math.round(item.transform[5] as number);
        lines.set(y, [...(lines.get(y) ?? []), { x: item.transform[4] as number, s: item.str }]);
      }
      pages.push(
        [...lines]
          .sort(([a], [b]) => b - a)
          .map(([, parts]) =>
            parts
              .sort((a, b) => a.x - b.x)
              .map((p) => p.s)
              .join(' | '),
          ),
      );
    }
    return { pages, text: pages.map((p) => p.join('\n')).join('\n') };
  } finally {
    await doc.destroy();
  }
}
