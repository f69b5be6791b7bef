// Issue 16: the demo started a day later still works. The server is first started with its clock a
// day behind, which seeds the demo and its weeks of history "yesterday"; it then restarts on the
// same database with the real clock. An usher finds today's services on now (not only yesterday's
// under "Recent"), and an admin's reports show the history instead of "no attendance yet".
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, startSessions, type TestServer } from './support/server.ts';

const TODAY = ['Sunday Service', 'Teens Meeting', 'Evening Service'];

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer(undefined, { history: true, seededYesterday: true });
  // Started, today's (only today's) sessions stay under "Now" whatever the hour CI runs at; a
  // demo that did not add today's has none to start.
  await startSessions(server.url, TODAY.slice(1));
});
test.afterAll(async () => {
  await server?.dispose();
});

test("an usher a day later finds today's services on now", async ({ page }) => {
  const usher = new AppPage(page, server.url);
  await usher.login('usher1@demo.rollcall.test');
  const now = page.getByRole('region', { name: 'Now' });
  for (const name of TODAY)
    await expect(now.getByRole('button', { name: new RegExp(`^${name}`) })).toHaveCount(1);
  // Yesterday's are one tap away under "Recent", ended (with the history's last Sunday Service
  // when that fell within its days, so only the other two are counted).
  await page.locator('.recent-sessions summary').click();
  const recent = page.locator('.recent-sessions');
  for (const name of TODAY.slice(1))
    await expect(recent.getByRole('button', { name: new RegExp(`^${name}`) })).toHaveCount(1);
  await expect(recent.getByRole('button', { name: /^Sunday Service/ }).first()).toBeVisible();
});

test('an admin a day later sees attendance and trends from the history', async ({ page }) => {
  const admin = new AppPage(page, server.url);
  await admin.login('admin@demo.rollcall.test');
  await admin.navTo('Reports');
  // Weekly trends: a chart, and weeks with attendees in its numbers.
  await expect(page.getByRole('img', { name: /Weekly attendance over \d+ weeks/ })).toBeVisible();
  await expect(page.getByText('No attendance recorded yet.')).toHaveCount(0);
  await page.getByText('Numbers').click();
  const attendees = await page.locator('.chart table tbody tr td:nth-child(3)').allInnerTexts();
  expect(Math.max(...attendees.map(Number))).toBeGreaterThan(0);
  // Attendance over the default dates: the past services, with people who attended.
  await page.getByRole('combobox', { name: /^Report/ }).selectOption('attendance');
  const totals = page.getByRole('region', { name: 'Totals' });
  await expect(totals.locator('.huge')).not.toHaveText('0');
  expect(Number(await totals.locator('.huge').innerText())).toBeGreaterThan(0);
  await expect(page.getByText('No attendance recorded yet.')).toHaveCount(0);
});
