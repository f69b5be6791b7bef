// The organization's default language and the plurals of its words (issue 13 item 4, issue 16
// item 2): an admin chooses Español and calls a session "Culto", plural "Cultos"; the navigation
// then reads "Cultos" and "Informes", and an usher signing in on another device sees Spanish too.
// Set back at the end: English, the neutral word, the plural formed by the app.
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { SettingsPage } from './page-models/admin-pages.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

interface Org {
  settings: { language?: string; labels: Record<string, string | undefined> };
}

test("the organization's language and the plural of its word for a session reach every screen", async ({
  browser,
}) => {
  const api = await adminApi(server.url);
  const before = await api.get<Org>('/api/v1/organization');
  const word = before.settings.labels.session ?? 'Session';

  const adminContext = await browser.newContext({ locale: 'en-US' });
  const admin = new AppPage(await adminContext.newPage(), server.url);
  await admin.login('admin@demo.rollcall.test');
  const settings = await SettingsPage.open(admin);
  const form = settings.organization();
  // The placeholder is the plural the app would form, and follows the word as it is typed.
  await expect(form.getByLabel('Plural of session (optional)')).toHaveAttribute(
    'placeholder',
    `${word}s`,
  );
  await form.getByLabel('Default language').selectOption({ label: 'Español' });
  await form.getByLabel('A session is called').fill('Culto');
  await expect(form.getByLabel('Plural of session (optional)')).toHaveAttribute(
    'placeholder',
    'Cultos',
  );
  await form.getByLabel('Plural of session (optional)').fill('Cultos');
  await form.getByRole('button', { name: 'Save' }).click();

  const nav = admin.page.getByRole('navigation').first();
  await expect(nav.getByRole('link', { name: 'Informes' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Cultos' })).toBeVisible();
  const saved = await api.get<Org>('/api/v1/organization');
  expect(saved.settings.language).toBe('es');
  expect(saved.settings.labels).toMatchObject({ session: 'Culto', sessions: 'Cultos' });

  // Another device, an usher who never chose a language, in an English-speaking browser.
  const usherContext = await browser.newContext({ locale: 'en-US' });
  const usher = await usherContext.newPage();
  await usher.goto(server.url);
  await usher.getByLabel('Email').fill('usher1@demo.rollcall.test');
  await usher.getByLabel('Password').fill('rollcall-demo');
  await usher.getByRole('button', { name: 'Sign in' }).click();
  await expect(usher.getByRole('link', { name: 'Cultos' })).toBeVisible();
  await expect(usher.locator('html')).toHaveAttribute('lang', 'es');
  await usherContext.close();

  // Back to English and the neutral word; the plural left empty is removed (the app forms it).
  const ajustes = admin.page.getByRole('form', { name: 'Ajustes de la organización' });
  await ajustes.getByLabel('Idioma predeterminado').selectOption({ label: 'English' });
  await ajustes.getByLabel('Nombre de una sesión').fill(word);
  await ajustes.getByLabel('Plural de sesión (opcional)').fill('');
  await ajustes.getByRole('button', { name: 'Guardar' }).click();
  await expect(nav.getByRole('link', { name: 'Reports' })).toBeVisible();
  await expect(nav.getByRole('link', { name: `${word}s` })).toBeVisible();
  const after = await api.get<Org>('/api/v1/organization');
  expect(after.settings.language).toBe('en');
  expect(after.settings.labels.session).toBe(word);
  expect(after.settings.labels.sessions).toBeUndefined();
  await adminContext.close();
});
