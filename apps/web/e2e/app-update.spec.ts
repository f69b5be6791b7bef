// The worker claims the page that installed it (first offline session, issue 10 item 3); an update
// must still wait for the user: "A new version is ready" → Reload, never a reload under their feet.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, webDist, type TestServer } from './support/server.ts';

let server: TestServer;
let web: string;
test.beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'rollcall-web-'));
  cpSync(webDist, web, { recursive: true });
  server = await launchServer(web);
});
test.afterAll(async () => {
  await server?.dispose();
  rmSync(web, { recursive: true, force: true });
});

const workerUrl = (which: 'controller' | 'waiting') =>
  `navigator.serviceWorker.getRegistration().then((r) => ${
    which === 'controller' ? 'navigator.serviceWorker.controller' : 'r?.waiting'
  }?.scriptURL ?? null)`;

test('a new version waits for Reload; the first install controls the page without asking', async ({
  page,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const banner = page.getByRole('alert').filter({ hasText: 'A new version is ready' });
  await expect(banner).toHaveCount(0);

  // First in the session that installed the worker, then in one that started controlled.
  for (const version of ['second', 'third']) {
    appendFileSync(join(web, 'sw.js'), `\n// the ${version} version\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(banner).toBeVisible();
    // Not applied behind the user's back: the old worker still controls, the new one waits.
    expect(await page.evaluate(workerUrl('waiting'))).not.toBeNull();
    await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
    await expect(banner).toHaveCount(0);
    expect(await page.evaluate(workerUrl('waiting'))).toBeNull();
    expect(await page.evaluate(workerUrl('controller'))).toContain('/sw.js');
  }
});
