// First impressions, as pictures (docs/screens): the sign-in page and the usher's list on a phone,
// the admin's reports and settings on a laptop, and the check-in screen in Spanish, all with the
// demo church's own words. Each shot waits for the content it shows, so a picture never catches a
// half-drawn screen; the test fails if a screen does not show what it should.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { launchServer, type TestServer } from './support/server.ts';

const SCREENS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/screens');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer(undefined, { churchWords: true, history: true });
});
test.afterAll(async () => {
  await server?.dispose();
});

async function signedIn(browser: Browser, email: string, viewport: typeof PHONE, locale = 'en-US') {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill('rollcall-demo');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.top-nav')).toBeVisible();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png` });

test('the sign-in page and the usher’s services on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const signIn = await context.newPage();
  await signIn.goto(server.url);
  await expect(signIn.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await shot(signIn, 'sign-in-phone');
  await context.close();
  const page = await signedIn(browser, 'usher1@demo.rollcall.test', PHONE);
  await expect(page.getByRole('button', { name: /^Sunday Service/ })).toBeVisible();
  await shot(page, 'usher-services-phone');
  await page.context().close();
});

test('reports and settings on a laptop', async ({ browser }) => {
  const page = await signedIn(browser, 'admin@demo.rollcall.test', LAPTOP);
  await page.goto(`${server.url}/admin/reports`);
  // The demo carries weeks of history: the trends chart has something to draw on a first visit.
  await expect(page.locator('main svg, .screen svg').first()).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, 'admin-reports-laptop');
  await page.goto(`${server.url}/admin/settings`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, 'admin-settings-laptop');
  await page.context().close();
});

test('the check-in screen in Spanish, in the church’s words', async ({ browser }) => {
  const page = await signedIn(browser, 'usher1@demo.rollcall.test', PHONE, 'es-ES');
  await page.goto(`${server.url}/?lang=es`);
  await page.getByRole('button', { name: /^Sunday Service/ }).click();
  await expect(page.getByRole('heading', { name: 'Sunday Service' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await shot(page, 'door-spanish-phone');
  await page.context().close();
});
