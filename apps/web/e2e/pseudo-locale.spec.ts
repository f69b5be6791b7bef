// Every screen in the pseudo-locale: any word outside the ⟦brackets⟧ that is not the
// organization's data is a string that skipped the catalogs (it would stay English in Spanish).
// The right-to-left run checks that no screen scrolls sideways when the page is mirrored.
import { expect, test, type Page } from '@playwright/test';
import { dataWords, hardCodedText } from './support/hard-coded-text.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
let data: string[];
let sundayId: string;

test.beforeAll(async () => {
  server = await launchServer();
  data = await dataWords(server.url);
  const api = await adminApi(server.url);
  const sessions = await api.get<{ items: { id: string; name: string }[] }>('/api/v1/sessions');
  const sunday = sessions.items.findLast((s) => s.name === 'Sunday Service');
  if (!sunday) throw new Error('no Sunday Service today');
  sundayId = sunday.id;
});
test.afterAll(async () => {
  await server?.dispose();
});

async function signIn(page: Page, lang: string) {
  await page.goto(`${server.url}/?lang=${lang}`);
  await page.locator('input[type="email"]').fill('admin@demo.rollcall.test');
  await page.locator('input[type="password"]').fill('rollcall-demo');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.top-nav')).toBeVisible();
}

const SCREENS: [string, () => string][] = [
  ['sessions', () => '/sessions'],
  ['check-in', () => `/sessions/${sundayId}/check-in`],
  ['live', () => `/admin/live/${sundayId}`],
  ['conflicts', () => '/admin/conflicts'],
  ['history', () => '/admin/history'],
  ['devices', () => '/admin/devices'],
  ['ushers', () => '/admin/ushers'],
  ['participants', () => '/admin/participants'],
  ['schedule', () => '/admin/schedule'],
  ['reports', () => '/admin/reports'],
  ['excuses', () => '/admin/excuses'],
  ['audit', () => '/admin/audit'],
  ['settings', () => '/admin/settings'],
  ['account', () => '/admin/account'],
];

async function open(page: Page, path: string) {
  // In-app navigation keeps the signed-in state; the URL bar would too, through a reload.
  await page.goto(`${server.url}${path}`);
  await expect(page.locator('h1').first()).toBeVisible();
  // Let the screen's data arrive (event streams keep the network busy: no idle moment to wait for).
  await page.waitForTimeout(800);
}

test('the sign-in page has no hard-coded words', async ({ page }) => {
  await page.goto(`${server.url}/?lang=pseudo`);
  await expect(page.locator('input[type="email"]')).toBeVisible();
  expect(await hardCodedText(page, data)).toEqual([]);
});

test('every screen: every word comes from a catalog', async ({ page }) => {
  // One sign-in for all screens; each screen's findings are reported under its name.
  test.setTimeout(240_000);
  await signIn(page, 'pseudo');
  for (const [name, path] of SCREENS) {
    await open(page, path());
    expect.soft(await hardCodedText(page, data), name).toEqual([]);
  }
});

test('right to left: every screen is mirrored and nothing scrolls sideways on a phone', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'pseudo-rtl');
  const wide: string[] = [];
  for (const [name, path] of SCREENS) {
    await open(page, path());
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    if (overflow > 0) wide.push(`${name} (+${overflow}px)`);
  }
  expect(wide).toEqual([]);
  await context.close();
});
