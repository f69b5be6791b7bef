// Issue 12 item 7 and issue 16 item 6: the self check-in kiosk on a tablet, offline, and the locked
// station that only the admin's PIN unlocks. People check themselves in by badge or code and see
// their first name and nothing of anyone else; the records reach the server once each, method
// `self`. A locked door shows no roster and no "Mark all present" unless the admin allows them.
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { formatBadgePayload, type Participant, type PullResponse } from '@rollcall/shared';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { SettingsPage } from './page-models/admin-pages.ts';
import { AppPage } from './page-models/app-page.ts';
import { adminClient, type AdminClient } from './support/admin-client.ts';
import { writeBadgeVideo } from './support/fake-camera.ts';
import { launchServer, type TestServer } from './support/server.ts';

const SCREENS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/screens');
const PIN = '4821';
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true };

let server: TestServer;
let browser: Browser;
let people: Participant[];
let admin: AdminClient;

test.beforeAll(async () => {
  server = await launchServer();
  admin = await adminClient(server.url);
  people = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.filter((p) => p.groupIds.length > 0);
  await admin.patch('/api/v1/organization', { stationPin: PIN });
  const video = join(tmpdir(), `rollcall-kiosk-badge-${Date.now()}.y4m`);
  writeBadgeVideo(video, formatBadgePayload(admin.organizationId, people[0]!.qrToken));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

const first = (p: Participant) => p.preferredName ?? p.firstName;

const pinForm = (page: Page) => page.getByRole('form', { name: 'Unlock this station' });

async function unlockWith(page: Page, pin: string) {
  await page.getByLabel('Station PIN').fill(pin);
  await page.getByRole('button', { name: 'Unlock station' }).click();
}

test('people check themselves in at an offline kiosk; the server gets each once, method self', async () => {
  const since = Date.now() - 60_000; // the demo's past services hold older records of these people
  const context = await browser.newContext({ ...TABLET, permissions: ['camera'] });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await app.openSession();
  await page.getByRole('button', { name: 'Start self check-in kiosk' }).click();
  const heading = page.getByRole('heading', { name: 'Welcome to Sunday Service' });
  const message = page.getByTestId('kiosk-message');
  await expect(heading).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(heading).toBeVisible();
  await expect(message).toHaveAttribute('data-kind', 'idle');
  // A kiosk shows no one: no roster, no name search, no way off it but the PIN.
  await expect(page.getByRole('region', { name: 'Roster' })).toHaveCount(0);
  await expect(page.getByLabel('Search by name')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '← Sessions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  const [byQr, byCode, stranger] = people as [Participant, Participant, Participant];
  await page.getByRole('button', { name: 'Scan my badge' }).click();
  await expect(message).toContainText(`Welcome back, ${first(byQr)}!`, { timeout: 20_000 });
  await expect(message).toHaveAttribute('data-kind', 'ok');
  await page.getByRole('button', { name: 'Stop the camera' }).click();
  // The greeting clears itself for the next person.
  await expect(message).toHaveAttribute('data-kind', 'idle', { timeout: 15_000 });

  await page.getByLabel('Personal code or key').pressSequentially(byCode.personalCode);
  await expect(message).toContainText(`Welcome back, ${first(byCode)}!`);
  await expect(message).toContainText('You are checked in.');
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SCREENS}/kiosk-welcome.png` });
  await expect(page.locator('body')).not.toContainText(byCode.lastName);
  await expect(page.locator('body')).not.toContainText(stranger.lastName);

  await expect(message).toHaveAttribute('data-kind', 'idle', { timeout: 15_000 });
  await page.getByLabel('Personal code or key').pressSequentially(byCode.personalCode);
  await expect(message).toContainText('You were already checked in.');
  await expect(message).toHaveAttribute('data-kind', 'already');
  await app.expectPending(2);

  await context.setOffline(false);
  await app.expectPending(0);
  const pulled = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
  const mine = pulled.presenceRecords.filter(
    (r) =>
      Date.parse(r.recordedAt) >= since && [byQr, byCode].some((p) => p.id === r.participantId),
  );
  expect(mine.map((r) => [r.participantId, r.method, r.version]).sort()).toEqual(
    [
      [byQr.id, 'self', 1],
      [byCode.id, 'self', 1],
    ].sort(),
  );

  await page.getByRole('button', { name: 'Staff: unlock' }).click();
  await unlockWith(page, PIN);
  await expect(page.getByRole('button', { name: '← Sessions' })).toBeVisible();
  await context.close();
});

test('a locked station cannot be left without the PIN, and shows no roster; with it, it can', async ({
  page,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('usher2@demo.rollcall.test');
  await app.openSession();
  await expect(page.getByRole('region', { name: 'Roster' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock as a station' }).click();
  await expect(page.getByText('Station locked to this session')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Roster' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark all present' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await unlockWith(page, '1111');
  await expect(pinForm(page).getByRole('alert')).toHaveText(
    'Wrong PIN. You can try again in 1 second.',
  );
  await unlockWith(page, '9999'); // waits for the button to come back
  await expect(pinForm(page).getByRole('alert')).toHaveText(
    'Wrong PIN. You can try again in 2 seconds.',
  );
  await page.reload();
  await expect(page.getByText('Station locked to this session')).toBeVisible();
  await expect(page.getByRole('button', { name: '← Sessions' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await unlockWith(page, PIN);
  await expect(page.getByText('Station locked to this session')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Roster' })).toBeVisible();
  await page.getByRole('button', { name: '← Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
});

test('an admin sets the PIN and lets a locked door show the roster, still without "Mark all present"', async ({
  page,
  browser: fixtureBrowser,
}) => {
  const adminContext = await fixtureBrowser.newContext();
  const adminApp = new AppPage(await adminContext.newPage(), server.url);
  await adminApp.login('admin@demo.rollcall.test');
  const settings = await SettingsPage.open(adminApp);
  await settings.setStationPin('135790');
  await settings.stations().getByLabel('A locked door station shows the roster').check();
  await expect(settings.stations().getByRole('status')).toHaveText('Saved.');
  await expect(settings.stations().getByLabel('…and offers “Mark all present”')).not.toBeChecked();
  await adminContext.close();

  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.openSession();
  await page.getByRole('button', { name: 'Lock as a station' }).click();
  await expect(page.getByText('Station locked to this session')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Roster' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark all present' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await unlockWith(page, PIN); // the old one
  await expect(pinForm(page).getByRole('alert')).toHaveText(/^Wrong PIN/);
  await unlockWith(page, '135790');
  await expect(page.getByRole('button', { name: '← Sessions' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark all present' })).toBeVisible();
});
