// Every admin screen at a phone, a tablet and a laptop: reachable through the navigation, and
// nothing on the page scrolls sideways (tables become cards on a phone).
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  laptop: { width: 1280, height: 800 },
};
const SCREENS = [
  'Conflicts',
  'Reports',
  'Sync history',
  'Devices',
  'Ushers',
  'Participants',
  'Schedule',
  'Excuses',
  'Audit log',
  'Settings',
  'Sessions',
];

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`every admin screen is reachable and nothing scrolls sideways on a ${name}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport });
    const app = new AppPage(await context.newPage(), server.url);
    await app.login('admin@demo.rollcall.test');
    const wide: string[] = [];
    for (const label of SCREENS) {
      await app.navTo(label);
      await expect(app.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      // Let the screen's data arrive before measuring it (event streams keep the network busy,
      // so there is no idle moment to wait for).
      await app.page.waitForTimeout(700);
      const overflow = await app.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (overflow > 0) wide.push(`${label} (+${overflow}px)`);
    }
    expect(wide).toEqual([]);
    if (name === 'phone') {
      // A card names each value by its column.
      await app.navTo('Ushers');
      await expect(
        app.page.getByTestId('user-usher1@demo.rollcall.test').locator('td[data-label="Role"]'),
      ).toContainText('usher');
    }
    await context.close();
  });
}
