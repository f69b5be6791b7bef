// Done-means 4 and 5: the browser finds the app installable; axe finds no serious or critical
// accessibility violation on the login, session list and check-in screens.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('the manifest and service worker make the app installable', async () => {
  // Installability is never offered in incognito, which Playwright's contexts are: use a profile.
  const profile = mkdtempSync(join(tmpdir(), 'rollcall-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  const manifest = await (await page.request.get(`${server.url}/manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({ display: 'standalone', short_name: 'Rollcall' });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations on login, sessions and check-in (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new AppPage(page, server.url);
    await page.goto(server.url);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await app.login('usher1@demo.rollcall.test');
    expect(await seriousViolations(page)).toEqual([]);
    await app.openSession();
    await app.checkInByCode('00000');
    await expect(app.feedback()).toContainText('No one has the code');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

// One test per scheme: eleven screens with axe each took 48 s alone and over 90 s in CI for both.
for (const scheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations on the admin screens (${scheme})`, async ({ page }) => {
    const app = new AppPage(page, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await app.login('admin@demo.rollcall.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [label, heading] of [
      ['Conflicts', /Conflicts/],
      ['Sync history', /Sync history/],
      ['Devices', /Devices/],
      ['Ushers', /Ushers/],
      ['Participants', /Participants/],
      ['Schedule', /Schedule/],
      ['Excuses', /Excuses/],
      ['Audit log', /Audit log/],
      ['Settings', /Settings/],
      ['Reports', /Reports/],
    ] as const) {
      const loaded = page.waitForResponse(
        (r) => r.url().includes('/api/v1/') && r.request().method() === 'GET',
      );
      await nav.getByRole('link', { name: new RegExp(`^${label}`) }).click();
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await loaded;
      await expect(page.getByText('Loading…')).toHaveCount(0);
      expect({ screen: label, scheme, violations: await seriousViolations(page) }).toEqual({
        screen: label,
        scheme,
        violations: [],
      });
    }
    await nav.getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('button', { name: 'Live arrivals for Sunday Service' }).click();
    await expect(page.getByTestId('live-headcount')).toBeVisible();
    expect({ screen: 'live', scheme, violations: await seriousViolations(page) }).toEqual({
      screen: 'live',
      scheme,
      violations: [],
    });
  });
}
