// The PDFs' fonts: DejaVu Sans (Latin with Vietnamese, Polish and the rest of Europe, Greek,
// Cyrillic, Arabic) and, for a string holding Hangul, Noto Sans KR. The 14 standard PDF fonts
// cover Windows-1252 only: "Łucja" printed folded and "김민준" as "???". pdfkit embeds only the
// glyphs a document uses, so a PDF grows by a few KB, not by the font files' MBs.
import { createRequire } from 'node:module';

const resolve = createRequire(import.meta.url).resolve;
const FILES = {
  // Condensed: about Helvetica's width, so the tables' columns hold what they held before.
  Sans: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf',
  'Sans-Bold': 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf',
  Hangul: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  'Hangul-Bold': '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
} as const;

/** Registers every face by its file: pdfkit reads a file only when a document first uses it. */
export function registerFonts(doc: PDFKit.PDFDocument) {
  for (const [face, file] of Object.entries(FILES)) doc.registerFont(face, resolve(file));
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

type Font = { name?: string; ascender?: number };
// pdfkit keeps the current font and size in fields its types do not declare.
const fontOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font?: Font })._font ?? {};
const sizeOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { _fontSize: number })._fontSize;

/**
 * Runs `draw` in the face that can print `text`: the Hangul face of the current weight when the
 * text holds Hangul (its Latin covers names like "김민준 Kim"), else the current face. `dy` keeps
 * the baseline where the current face puts it (pdfkit places a line by its top, and the faces'
 * ascenders differ), so a row's cells stay on one line.
 */
export function inFaceFor<T>(doc: PDFKit.PDFDocument, text: string, draw: (dy: number) => T): T {
  if (!HANGUL.test(text)) return draw(0);
  const current = fontOf(doc);
  const bold = /bold/i.test(current.name ?? '');
  doc.font(bold ? 'Hangul-Bold' : 'Hangul');
  const dy = (((current.ascender ?? 0) - (fontOf(doc).ascender ?? 0)) * sizeOf(doc)) / 1000;
  try {
    return draw(dy);
  } finally {
    doc.font(bold ? 'Sans-Bold' : 'Sans');
  }
}
