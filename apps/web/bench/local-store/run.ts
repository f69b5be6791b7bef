// Dexie against RxDB (on its Dexie storage) for Rollcall's workload, in Debian's Chromium:
// single-scan commit latency, a 10,000-record bulk write, and the bundle each adds.
//   pnpm --filter @rollcall/web bench:local-store
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { pct } from './workload.ts';

const here = import.meta.dirname;
const build = (probe?: string) =>
  execFileSync('npx', ['vite', 'build', '-c', join(here, 'vite.config.ts')], {
    env: { ...process.env, ...(probe ? { PROBE: probe } : {}) },
    stdio: 'ignore',
  });
const weigh = (dir: string) =>
  readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce(
      (sum, f) => {
        const buf = readFileSync(join(dir, 'assets', f));
        return { raw: sum.raw + buf.length, gzip: sum.gzip + gzipSync(buf).length };
      },
      { raw: 0, gzip: 0 },
    );

build('dexie-only');
build('rxdb-only');
build();
const sizes = {
  dexie: weigh(join(here, 'dist-dexie-only')),
  rxdb: weigh(join(here, 'dist-rxdb-only')),
};

const dist = join(here, 'dist');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
const server = createServer((req, res) => {
  const url = req.url!.split('?')[0]!;
  const path = join(dist, url === '/' ? 'index.html' : url);
  let body: Buffer;
  try {
    body = readFileSync(path);
  } catch {
    return void res.writeHead(404).end();
  }
  res
    .writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
    .end(body);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
async function measure(store: 'dexie' | 'rxdb') {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/?store=${store}`);
  await page.waitForFunction(() => 'benchResult' in globalThis, null, { timeout: 300_000 });
  const r = (await page.evaluate(() => (globalThis as Record<string, unknown>).benchResult)) as {
    scan: number[];
    bulkMs: number;
    error?: string;
  };
  await page.close();
  if (r.error) throw new Error(`${store}: ${r.error}`);
  return r;
}
const result = { dexie: await measure('dexie'), rxdb: await measure('rxdb') };
await browser.close();
server.close();

const f = (x: number) => x.toFixed(2);
console.log(
  `| store | scan commit median ms | p95 ms | 10,000-record bulk write ms | bundle KiB (gzip) |\n| --- | ---: | ---: | ---: | ---: |`,
);
for (const name of ['dexie', 'rxdb'] as const) {
  const r = result[name]!;
  console.log(
    `| ${name === 'dexie' ? 'Dexie 4' : 'RxDB 16 on Dexie storage'} | ${f(pct(r.scan, 50))} | ${f(pct(r.scan, 95))} | ${r.bulkMs.toFixed(0)} | ${(sizes[name].raw / 1024).toFixed(0)} (${(sizes[name].gzip / 1024).toFixed(0)}) |`,
  );
}
