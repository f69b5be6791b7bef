// Admin screens need the network. Offline they say so, with the time they last loaded, and keep
// showing what they loaded instead of an empty table under "Failed to fetch"; they load again by
// themselves when the network returns.
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

test('offline, an admin screen keeps its last data and says when it was loaded', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  await app.navTo('Devices');
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  await app.navTo('Ushers');
  const ben = page.getByTestId('user-usher2@demo.rollcall.test');
  await expect(ben).toBeVisible();

  await context.setOffline(true);
  // Opening a screen again asks the server again; the answer is the network's absence.
  await app.navTo('Devices');
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  await app.navTo('Ushers');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    /^You're offline; this page needs the network; last loaded \d{1,2}:\d{2}( [AP]M)?\.$/,
  );
  await expect(alert).not.toContainText('Failed to fetch');
  await expect(ben).toBeVisible();

  await context.setOffline(false);
  await expect(alert).toHaveCount(0);
  await expect(ben).toBeVisible();
  await context.close();
});
