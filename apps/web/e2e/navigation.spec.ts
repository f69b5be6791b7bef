// Screens have URLs (back, reload and an offline reload keep the screen; deep links open it), the
// navigation works on a phone, devices carry names people chose, and the usher's list is grouped.
import { expect, test, type Page } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminClient } from './support/admin-client.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});
test.use({ viewport: { width: 390, height: 844 } });

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { name, level: 1 });
const sessionIdIn = (url: string) =>
  /\/sessions\/([^/]+)\/check-in$/.exec(new URL(url).pathname)![1]!;
const horizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("the back button, a reload and an offline reload keep a session's check-in screen", async ({
  page,
  context,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await expect(page).toHaveURL(/\/sessions$/);
  await app.openSession();
  await expect(page).toHaveURL(/\/sessions\/[^/]+\/check-in$/);
  const checkin = page.url();

  await page.reload();
  await expect(heading(page, 'Sunday Service')).toBeVisible();
  await page.goBack();
  await expect(heading(page, 'Today')).toBeVisible();
  await page.goForward();
  await expect(heading(page, 'Sunday Service')).toBeVisible();

  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await context.setOffline(true);
  await page.reload();
  await expect(heading(page, 'Sunday Service')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Offline');
  // A deep link typed with no network: the service worker serves the app for any screen's URL.
  await page.goto(`${server.url}/sessions`);
  await expect(heading(page, 'Today')).toBeVisible();
  await page.goto(checkin);
  await expect(heading(page, 'Sunday Service')).toBeVisible();
  await expect(page.getByLabel('Personal code or key')).toBeVisible();
  await context.setOffline(false);
});

test('a deep link opens its screen; one the role may not see opens the session list', async ({
  page,
  browser,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  await app.openSession();
  const id = sessionIdIn(page.url());
  await page.goto(`${server.url}/admin/live/${id}`);
  await expect(page.getByTestId('live-headcount')).toBeVisible();
  await page.goto(`${server.url}/admin/reports`);
  await expect(heading(page, /Reports/)).toBeVisible();
  await page.goto(`${server.url}/admin/conflicts`);
  await expect(heading(page, /Conflicts/)).toBeVisible();
  await page.goto(`${server.url}/admin/no-such-screen`);
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(heading(page, 'Today')).toBeVisible();

  const usherContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const usher = new AppPage(await usherContext.newPage(), server.url);
  await usher.login('usher2@demo.rollcall.test');
  await usher.page.goto(`${server.url}/admin/conflicts`);
  await expect(usher.page).toHaveURL(/\/sessions$/);
  await expect(heading(usher.page, 'Today')).toBeVisible();
  await usherContext.close();
});

test('the name chosen for a device at sign-in shows on the live page, and can be changed', async ({
  page,
  browser,
}) => {
  const api = await adminClient(server.url);
  const person = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=5'))
    .items[0]!;
  await page.goto(server.url);
  const name = page.getByLabel('Device name');
  await expect(name).not.toHaveValue(/Mozilla|^$/);
  await page.getByLabel('Email').fill('usher1@demo.rollcall.test');
  await page.getByLabel('Password').fill('rollcall-demo');
  await name.fill('Front door tablet');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const usher = new AppPage(page, server.url);
  await expect(heading(page, 'Today')).toBeVisible();
  await usher.openSession();
  await usher.checkInByCode(person.personalCode);
  await expect(usher.feedback()).toContainText('Checked in');
  await usher.expectPending(0);

  const adminContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const admin = new AppPage(await adminContext.newPage(), server.url);
  await admin.login('admin@demo.rollcall.test');
  await admin.page.getByRole('button', { name: 'Live arrivals for Sunday Service' }).click();
  const devices = admin.page.getByRole('table');
  await expect(devices.getByRole('row').filter({ hasText: 'Ana Usher' })).toContainText(
    'Front door tablet',
  );

  await page.getByRole('button', { name: /^Menu/ }).click();
  await expect(page.getByTestId('device-name')).toHaveText('Front door tablet');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Device name').fill('Side door phone');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('device-name')).toHaveText('Side door phone');
  await admin.page.reload();
  await expect(devices.getByRole('row').filter({ hasText: 'Ana Usher' })).toContainText(
    'Side door phone',
  );
  await adminContext.close();
});

test('on a phone the admin navigation is a menu: it opens, its links work, Escape closes it', async ({
  page,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  const toggle = page.getByRole('button', { name: /^Menu/ });
  const reports = app.nav().getByRole('link', { name: 'Reports' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(reports).toBeHidden();
  expect(await horizontalScroll(page)).toBe(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(app.nav().getByRole('link')).toHaveCount(11);
  expect(await horizontalScroll(page)).toBe(0);
  await reports.click();
  await expect(heading(page, /Reports/)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/reports$/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(await horizontalScroll(page)).toBe(0);

  // Keyboard: open, move into the list, Escape closes and returns to the button.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(app.nav().getByRole('link', { name: 'Sessions' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();

  await app.navTo('Sync history');
  await expect(heading(page, /Sync history/)).toBeVisible();
  await page.goBack();
  await expect(heading(page, /Reports/)).toBeVisible();

  // A laptop: no menu button, every link on one row.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(toggle).toBeHidden();
  const tops = await app
    .nav()
    .getByRole('link')
    .evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)));
  expect(tops).toHaveLength(11);
  expect(new Set(tops).size).toBe(1);
});

test("the usher's list has Now, Later today and Recent, a session past midnight included", async ({
  browser,
}) => {
  const api = await adminClient(server.url);
  const noon = new Date();
  noon.setHours(12, 0, 0, 0);
  const at = (h: number, m = 0, dayOffset = 0) =>
    new Date(noon.getTime() + ((h - 12) * 60 + m) * 60_000 + dayOffset * 86_400_000).toISOString();
  const add = (name: string, scheduledStart: string, scheduledEnd: string, status?: string) =>
    api.post('/api/v1/sessions', { name, scheduledStart, scheduledEnd, status });
  await add('Group test now', at(11, 45), at(13));
  await add('Group test evening', at(19), at(20));
  await add('Group test breakfast', at(7), at(8));
  await add('Group test yesterday', at(10, 0, -1), at(11, 0, -1), 'completed');
  await add('Group test last night', at(22, 0, -1), at(1), 'active');

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // The browser's clock at noon today, whatever time the test runs.
  await page.clock.install({ time: noon });
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  const group = (name: string) => page.getByRole('region', { name });
  await expect(group('Now')).toContainText('Group test now');
  await expect(group('Now')).toContainText('Group test last night');
  await expect(group('Later today')).toContainText('Group test evening');
  await expect(group('Now')).not.toContainText('Group test evening');
  const recent = page.locator('details.recent-sessions');
  await recent.getByText('Recent').click();
  await expect(recent).toContainText('Group test breakfast');
  await expect(recent).toContainText('Group test yesterday');
  await expect(page.getByText('Group test')).toHaveCount(5);
  await context.close();
});
