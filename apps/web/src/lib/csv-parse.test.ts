import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse.ts';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and newlines inside quotes, CRLF and a BOM', async () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,\n';
    expect(await parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['last', '', ''],
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
