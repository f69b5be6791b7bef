// The built PWA as the server hands it out: its files, the SPA fallback, no source maps, and the
// headers every response carries (a CSP tight enough to matter, no caching of personal data).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './env.ts';
import { memoryNotifier } from './features/sync/notifier.ts';
import { testClock } from './test/harness.ts';
import { createTestDb, type TestDb } from './test/test-db.ts';

describe('the served PWA and its headers', () => {
  let dir: string;
  let testDb: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollcall-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Rollcall</title>');
    writeFileSync(
      join(dir, 'assets', 'index-abc.js'),
      'console.log(1);\n//# sourceMappingURL=index-abc.js.map',
    );
    writeFileSync(
      join(dir, 'assets', 'index-abc.js.map'),
      '{"version":3,"sources":["src/secret.ts"]}',
    );
    writeFileSync(join(dir, 'app.map'), '{}');
    writeFileSync(join(dir, 'sw.js'), 'self.skipWaiting();');
    testDb = await createTestDb('sqlite');
    const config = { ...loadConfig({ SEED_DEMO: '0', WEB_DIST: '' }), webDist: dir };
    app = await buildApp({ db: testDb.db, clock: testClock(), config, notifier: memoryNotifier() });
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the PWA: its index, its assets and the SPA fallback', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Rollcall</title>');
    const js = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const deep = await app.inject({ method: 'GET', url: '/sessions/123/check-in' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>Rollcall</title>');
  });

  it('never serves a source map, not even one left in the build folder', async () => {
    for (const url of [
      '/assets/index-abc.js.map',
      '/app.map',
      '/assets/index-abc.js.map?x=1',
      '/assets/INDEX-abc.js.MAP',
      '/app.m%61p',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('secret.ts');
      expect(res.body, url).not.toContain('<title>Rollcall</title>');
    }
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-abc.js.map' });
    expect(head.statusCode).toBe(404);
  });

  it('sends a CSP that forbids plugins, framing, foreign forms and base rewrites', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'self'");
    expect(directive('form-action')).toBe("form-action 'self'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('style-src')).toBe("style-src 'self'");
  });

  it('lets browsers keep hashed assets for a year, and checks index.html and sw.js every time', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/sw.js', '/sessions/123/check-in']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps API answers out of every cache', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});
