// `npm start` runs the bundle (dist/server.js), not the TypeScript every other test runs: build
// it, start it on a fresh SQLite file with the demo, and ask it for JSON and for a PDF (whose fonts
// are found by path at run time). A bundle that does not start failed `npm start` unseen before.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { freePort, startServer } from './test/server-process.ts';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

it('the bundled server starts, signs in and prints a PDF', async () => {
  execFileSync(process.execPath, ['build.mjs'], { cwd: packageRoot });
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-bundle-'));
  const env = { SQLITE_PATH: join(dir, 'db.sqlite'), SEED_DEMO: '1', DEMO_HISTORY: '0' };
  const server = await startServer(env, await freePort(), ['dist/server.js']);
  try {
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.rollcall.test', password: 'rollcall-demo' }),
    });
    const { credentials } = (await login.json()) as { credentials: { accessToken: string } };
    const pdf = await fetch(`${server.url}/api/v1/reports/trends?format=pdf`, {
      headers: { authorization: `Bearer ${credentials.accessToken}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  } finally {
    await server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
