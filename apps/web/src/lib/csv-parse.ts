// RFC 4180 CSV parsing for imports: quoted fields, doubled quotes, CRLF or LF, a BOM. Parses in
// slices and yields to the browser between them, so a large file never freezes the screen and
// progress can be shown.
export async function parseCsv(
  text: string,
  onProgress?: (fraction: number) => void,
  slice = 200_000,
): Promise<string[][]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const end = Math.min(text.length, i + slice);
    for (; i < end; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"' && field === '') quoted = true;
      else if (c === ',') {
        row.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        row.push(field);
        field = '';
        if (row.some((f) => f !== '')) rows.push(row);
        row = [];
      } else field += c;
    }
    onProgress?.(i / text.length);
    if (i < text.length) await new Promise((r) => setTimeout(r, 0));
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}
