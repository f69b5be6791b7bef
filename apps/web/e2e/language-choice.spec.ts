// Each user's own language (issue 13): chosen in the account area, applied at once, kept by a
// reload and an offline start, and "Organization default" goes back to the organization's. Signed
// out, the sign-in page speaks the browser's language.
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('an admin chooses Español: the navigation reads Spanish at once, after a reload and offline; the default brings English back', async ({
  page,
  context,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  // The navigation's own name changes language too ("Main", "Principal").
  const nav = page.locator('.top-nav');
  await expect(nav.getByRole('link', { name: 'Reports' })).toBeVisible();
  const language = page.getByLabel('Language', { exact: true });
  await expect(language).toHaveValue('default');
  await expect(language.locator('option:checked')).toHaveText('Organization default (English)');

  await language.selectOption({ label: 'Español' });
  await expect(nav.getByRole('link', { name: 'Informes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hoy', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');

  await page.reload();
  await expect(nav.getByRole('link', { name: 'Informes' })).toBeVisible();
  await expect(page.getByLabel('Idioma', { exact: true })).toHaveValue('es');

  // Offline, the app opens from the device with the choice it stored.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await context.setOffline(true);
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Informes' })).toBeVisible();
  await context.setOffline(false);

  await page.getByLabel('Idioma', { exact: true }).selectOption('default');
  await expect(nav.getByRole('link', { name: 'Reports' })).toBeVisible();
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('default');
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Reports' })).toBeVisible();
});

test('an usher on a phone finds the language in the menu, beside signing out', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  // A server that refuses the choice (offline, or one without the route) never blocks it.
  await page.route('**/api/v1/me/language', (route) =>
    route.fulfill({ status: 503, json: { code: 'unavailable', message: 'try later' } }),
  );
  await page.getByRole('button', { name: /^Menu/ }).click();
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Español' });
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hoy', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Guardado en este dispositivo' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hoy', level: 1 })).toBeVisible();
  await context.close();
});

test('signed out, the sign-in page speaks the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.getByLabel('Correo electrónico')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  await context.close();
});
