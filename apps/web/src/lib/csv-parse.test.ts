import { describe, expect, it } from 'vitest';
import { decodeCsv, NotCsvError, parseCsv } from './csv-parse.ts';

// "Prénom;Nom;Téléphone" and "Zoé;Lefèvre;06 12" as Excel on Windows writes them (Windows-1252).
const french1252 = Uint8Array.from([
  ...Buffer.from('Pr\xe9nom;Nom;T\xe9l\xe9phone\r\nZo\xe9;Lef\xe8vre;06 12\r\n', 'latin1'),
]);
const utf16 = (text: string, bom: number[], le: boolean) => {
  const out = [...bom];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
};

describe('decodeCsv', () => {
  it('reads UTF-8, with or without a BOM', () => {
    const text = 'Prénom,Nom\nZoé,Lefèvre\n';
    expect(decodeCsv(new TextEncoder().encode(text))).toBe(text);
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(
      text,
    );
  });
  it('reads Windows-1252 when the bytes are not valid UTF-8', () => {
    expect(decodeCsv(french1252)).toBe('Prénom;Nom;Téléphone\r\nZoé;Lefèvre;06 12\r\n');
  });
  it('reads UTF-16 with either BOM', () => {
    expect(decodeCsv(utf16('Prénom\tNom\n', [0xff, 0xfe], true))).toBe('Prénom\tNom\n');
    expect(decodeCsv(utf16('Prénom\tNom\n', [0xfe, 0xff], false))).toBe('Prénom\tNom\n');
  });
  it('refuses an image, a workbook and other binary files, saying it is not a CSV file', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeCsv(png)).toThrow(NotCsvError);
    expect(() => decodeCsv(png)).toThrow(/not a CSV file: it is a PNG image/);
    expect(() => decodeCsv(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toThrow(
      /not a CSV file/,
    );
    expect(() => decodeCsv(Uint8Array.from([1, 2, 0, 0, 3]))).toThrow(/not a CSV file/);
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and newlines inside quotes, CRLF and a BOM', async () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,\n';
    expect(await parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['last', '', ''],
    ]);
  });
  it('finds the separator: semicolons (with commas inside fields), tabs', async () => {
    expect(await parseCsv('Prénom;Nom;Groupe\nZoé;Lefèvre;Chorale, enfants\n')).toEqual([
      ['Prénom', 'Nom', 'Groupe'],
      ['Zoé', 'Lefèvre', 'Chorale, enfants'],
    ]);
    expect(await parseCsv('Nombre\tApellido\nAna\tGarcía\n')).toEqual([
      ['Nombre', 'Apellido'],
      ['Ana', 'García'],
    ]);
  });
  it('gives the same rows whatever the slice size, and reports progress up to 1', async () => {
    const text = Array.from({ length: 500 }, (_, i) => `n${i},"q,${i}"`).join('\n');
    const seen: number[] = [];
    const rows = await parseCsv(text, (f) => seen.push(f), 97);
    expect(rows).toEqual(await parseCsv(text));
    expect(rows).toHaveLength(500);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(10);
  });
});
