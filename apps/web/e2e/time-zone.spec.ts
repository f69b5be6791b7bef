// One zone on every screen: the organization's, not the device's. The browser here is in Tokyo;
// the demo organization reckons its days in UTC, then its admin moves it to Los Angeles.
import { expect, test } from '@playwright/test';
import { SettingsPage } from './page-models/admin-pages.ts';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(() => server.stop());

test("times follow the organization's zone, which the admin sets in the settings", async ({
  browser,
}) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
  const app = new AppPage(await context.newPage(), server.url);
  await app.login('admin@demo.rollcall.test');
  // The demo's Sunday Service is at 9:00 in its zone (UTC): 6:00 PM on this device's clock.
  const service = app.page.getByRole('button', { name: /^Sunday Service/ });
  await expect(service).toContainText('9:00 AM');

  const settings = await SettingsPage.open(app);
  await expect(settings.organization().getByLabel('Time zone')).toHaveValue('UTC');
  await settings.setTimeZone('Mars/Olympus_Mons');
  await expect(settings.organization().getByRole('alert')).toContainText(
    '"Mars/Olympus_Mons" is not a time zone',
  );
  await settings.setTimeZone('America/Los_Angeles');
  await expect(settings.organization().getByRole('status')).toContainText('Saved');

  // The schedule shows the same 09:00 UTC on the Los Angeles clock (1:00 AM in winter), also after
  // a reload (the zone came to this device with a sync).
  const nine = new Date();
  nine.setUTCHours(9, 0, 0, 0);
  const inLA = nine.toLocaleTimeString('en-US', {
    timeZone: 'America/Los_Angeles',
    hour: 'numeric',
    minute: '2-digit',
  });
  await app.navTo('Schedule');
  const row = app.page.getByRole('row', { name: /Sunday Service/ }).first();
  await expect(row).toContainText(inLA);
  await app.page.reload();
  await expect(row).toContainText(inLA);
  await expect(row).not.toContainText('6:00 PM'); // not Tokyo's clock
  await context.close();
});
