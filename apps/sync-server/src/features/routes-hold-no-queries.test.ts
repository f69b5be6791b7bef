// Route files validate and delegate: every query lives in a repository (called by a service), so
// a route handler can be read without SQL and a query can be tested without HTTP.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const features = fileURLToPath(new URL('.', import.meta.url));

/** Kysely's query builders, its transactions and its raw SQL template. */
const QUERY_CALLS = [
  /\.selectFrom\s*\(/,
  /\.selectNoFrom\s*\(/,
  /\.insertInto\s*\(/,
  /\.replaceInto\s*\(/,
  /\.updateTable\s*\(/,
  /\.deleteFrom\s*\(/,
  /\.mergeInto\s*\(/,
  /\.transaction\s*\(/,
  /\bsql\s*`/,
  /\bsql\s*\.\s*(raw|ref|table|id|lit|join|val)\s*\(/,
];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? routeFiles(join(dir, e.name))
      : e.name.endsWith('.routes.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('route files', () => {
  const files = routeFiles(features);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('hold no Kysely query of their own', () => {
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          QUERY_CALLS.some((re) => re.test(line))
            ? [`${relative(features, file)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
