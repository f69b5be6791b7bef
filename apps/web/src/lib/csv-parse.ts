// Reading a CSV file for imports, as spreadsheets write them: UTF-8 (with or without a BOM),
// UTF-16 with a BOM (Excel's "Unicode text") or Windows-1252 (Excel's plain "CSV" on Windows), and
// separated by commas, semicolons (Excel where the decimal mark is a comma), tabs or pipes.
// Parsing is papaparse's, in slices with a yield to the browser between them, so a large file
// never freezes the screen and progress can be shown.
import Papa from 'papaparse';

/** Why a file cannot be read as CSV, in words for the person who chose it. */
export class NotCsvError extends Error {}

const MAGIC: { bytes: number[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  // .xlsx and .ods are zip files; .xls is an OLE compound file.
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a spreadsheet workbook or a zip file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an Excel workbook' },
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The file's text, whichever of the encodings spreadsheets use it is in. */
export function decodeCsv(bytes: Uint8Array): string {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic)
    throw new NotCsvError(
      `This is not a CSV file: it is ${magic.kind}. Save the sheet as CSV (File → Save as → CSV) and choose that file.`,
    );
  // TextDecoder drops the BOM it was named after.
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  const text = utf8(bytes) ?? new TextDecoder('windows-1252').decode(bytes);
  // Text files have no NUL characters; binary files nearly always do, early on.
  if (text.slice(0, 8192).includes('\0'))
    throw new NotCsvError(
      'This is not a CSV file: it holds binary data, not text. Save the sheet as CSV and choose that file.',
    );
  return text;
}

/** The bytes as UTF-8, or null when they are not valid UTF-8 (then they are most likely 1252). */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The rows of a CSV text, blank lines left out; the separator is found from the text. */
export function parseCsv(
  text: string,
  onProgress?: (fraction: number) => void,
  slice = 200_000,
): Promise<string[][]> {
  const rows: string[][] = [];
  let read = 0;
  // One kind of line end: papaparse picks one from the start, and files that mix them exist.
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(body, {
      delimitersToGuess: [',', ';', '\t', '|'],
      newline: '\n',
      skipEmptyLines: 'greedy',
      chunkSize: slice,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        rows.push(...results.data);
        read += slice;
        onProgress?.(Math.min(1, read / body.length));
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => {
        onProgress?.(1);
        resolve(rows);
      },
      error: (e: Error) => reject(e),
    });
  });
}
