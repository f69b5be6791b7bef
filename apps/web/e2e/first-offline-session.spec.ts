// Issue 10 item 3: the first session after sign-in works offline without a reload. The worker that
// precached the app must control the page that installed it, or every screen loaded on demand (the
// camera scanner, the admin side) is fetched from a network that is gone: a blank white page.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { formatBadgePayload, type Participant } from '@rollcall/shared';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { AppPage } from './page-models/app-page.ts';
import { writeBadgeVideo } from './support/fake-camera.ts';
import { adminApi, launchServer, webDist, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let badgeHolder: Participant;

test.beforeAll(async () => {
  server = await launchServer();
  const admin = await adminApi(server.url);
  badgeHolder = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.find((p) => p.groupIds.length > 0)!;
  const video = join(tmpdir(), `rollcall-first-offline-${Date.now()}.y4m`);
  writeBadgeVideo(video, formatBadgePayload(admin.organizationId, badgeHolder.qrToken));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A fresh profile: sign in, wait for the worker to be ready, go offline WITHOUT reloading. */
async function signInThenOffline(email: string) {
  const context = await browser.newContext({ permissions: ['camera'] });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login(email);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await context.setOffline(true);
  // Every chunk the build produced is in the worker's cache.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  const built = readdirSync(join(webDist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  expect(built.length).toBeGreaterThan(10);
  for (const file of built) expect(cached).toContain(`/assets/${file}`);
  return { context, page, app };
}

const rootIsBlank = (page: Page) =>
  page.evaluate(() => (document.getElementById('root')?.textContent ?? '').trim() === '');

test('first session, no reload: the camera scanner opens offline and reads a badge', async () => {
  const { context, page, app } = await signInThenOffline('usher1@demo.rollcall.test');
  await app.openSession();
  await page.getByRole('button', { name: 'Scan badges with the camera' }).click();
  await expect(page.getByLabel('Camera view for badge scanning')).toBeVisible();
  await expect(app.feedback()).toContainText(badgeHolder.lastName, { timeout: 20_000 });
  expect(await rootIsBlank(page)).toBe(false);
  await app.expectPending(1);
  await context.close();
});

test('first session, no reload: the admin opens the conflicts screen offline, then reloads', async () => {
  const { context, page } = await signInThenOffline('admin@demo.rollcall.test');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: /^Conflicts/ }).click();
  await expect(page.getByRole('heading', { name: /Conflicts/, level: 1 })).toBeVisible();
  for (const label of ['Reports', 'Settings'])
    await nav.getByRole('link', { name: new RegExp(`^${label}`) }).click();
  await expect(page.getByRole('heading', { name: /Settings/, level: 1 })).toBeVisible();
  expect(await rootIsBlank(page)).toBe(false);

  // Still offline: a reload opens the same screen from the precache, and the lazy screens still
  // load.
  await page.reload();
  await expect(page.getByRole('heading', { name: /Settings/, level: 1 })).toBeVisible();
  await nav.getByRole('link', { name: /^Conflicts/ }).click();
  await expect(page.getByRole('heading', { name: /Conflicts/, level: 1 })).toBeVisible();
  await context.close();
});
