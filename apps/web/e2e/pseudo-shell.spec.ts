// The shell's parts that the pseudo-locale spec does not see as a screen first opens: the sign-in
// page's refusal and two-step form, the sync status offline, the notification panel (with a
// notification the server wrote) and its preferences, the language choice, and the iPhone
// install hint. Any word outside ⟦brackets⟧ that is not the organization's data skipped a catalog.
import { expect, test, type Page } from '@playwright/test';
import { dataWords, hardCodedText } from './support/hard-coded-text.ts';
import type { Participant, Session } from '@rollcall/shared';
import { adminApi, launchServer, usherDevice, type TestServer } from './support/server.ts';

let server: TestServer;
let data: string[];

test.beforeAll(async () => {
  server = await launchServer();
  data = await dataWords(server.url);
});
test.afterAll(async () => {
  await server?.dispose();
});

// The device-name control in the account area belongs to the devices screen's catalog; it is
// checked there, not here.
const others = (found: string[]) =>
  found.filter((f) => !/This device:|Rename|Linux computer/.test(f));

async function signIn(page: Page) {
  await page.goto(`${server.url}/?lang=pseudo`);
  await page.locator('input[type="email"]').fill('admin@demo.rollcall.test');
  await page.locator('input[type="password"]').fill('rollcall-demo');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.top-nav')).toBeVisible();
}

test('the sign-in page: a wrong password and the network gone', async ({ page, context }) => {
  await page.goto(`${server.url}/?lang=pseudo`);
  await page.locator('input[type="email"]').fill('admin@demo.rollcall.test');
  await page.locator('input[type="password"]').fill('not-the-password');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('⟦');
  expect(await hardCodedText(page, data)).toEqual([]);

  await context.setOffline(true);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('⟦');
  expect(await hardCodedText(page, data)).toEqual([]);
  await context.setOffline(false);
});

test('the sync status offline, the notification panel and its preferences, the language menu', async ({
  page,
  context,
}) => {
  // A rejected change notifies the admins: a notification the server wrote in English.
  const push = await usherDevice(server.url, 'usher1@demo.rollcall.test');
  const api = await adminApi(server.url);
  const sunday = (await api.get<{ items: Session[] }>('/api/v1/sessions')).items.at(-1)!;
  const [person] = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=1')).items;
  expect(await push(sunday.id, person!.id, 'asleep')).toMatchObject({ code: 'unknown_state' });
  await signIn(page);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');
  await page.locator('.notif-bell').click();
  const panel = page.locator('#notifications-panel');
  await expect(panel.locator('.notif-list').first()).toBeVisible();
  // Its title and body are the app's words around the names (translate="no" keeps those out of
  // the hard-coded check, so each is checked for brackets here).
  for (const words of await panel.locator('.notif-title strong, .notif-body').allInnerTexts())
    expect(words).toMatch(/^⟦.*⟧$/s);
  await panel.locator('summary').click();
  await expect(panel.getByRole('checkbox').first()).toBeVisible();
  await panel.getByRole('checkbox').first().uncheck();
  await expect(panel.getByRole('status')).toBeVisible();
  expect(others(await hardCodedText(page, data))).toEqual([]);
  await panel.getByRole('checkbox').first().check();

  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await page.locator('.top-nav select').selectOption('en');
  await expect(page.locator('.top-nav [role="status"]')).toBeVisible();
  // The choice was English, but `?lang=pseudo` stays in force for the tab: still bracketed.
  expect(others(await hardCodedText(page, data))).toEqual([]);
  await context.setOffline(false);
});

test('the install hint on an iPhone', async ({ browser }) => {
  const context = await browser.newContext({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/?lang=pseudo`);
  await expect(page.getByRole('note')).toBeVisible();
  expect(await hardCodedText(page, data)).toEqual([]);
  await context.close();
});
