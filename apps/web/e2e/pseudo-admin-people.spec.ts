// The admin screens for people, devices, the audit log, settings and one's own account in the
// pseudo-locale, opened beyond their first view: the participant form, an import at its mapping
// step, the temporary-usher form, a participant's attendance and badge, renaming this device, the
// start of two-step sign-in and the retention preview. Any word outside the ⟦brackets⟧ that is not
// the organization's data skipped a catalog. The sync status bar and the notification bell belong
// to other features (pseudo-locale.spec.ts covers them) and are hidden here.
import { expect, test, type Page } from '@playwright/test';
import { dataWords, hardCodedText } from './support/hard-coded-text.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
let data: string[];

test.beforeAll(async () => {
  server = await launchServer();
  data = await dataWords(server.url);
});
test.afterAll(async () => {
  await server?.dispose();
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/?lang=pseudo`);
  await page.locator('input[type="email"]').fill('admin@demo.rollcall.test');
  await page.locator('input[type="password"]').fill('rollcall-demo');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.top-nav')).toBeVisible();
}

async function open(page: Page, path: string) {
  await page.goto(`${server.url}${path}`);
  await expect(page.locator('h1').first()).toBeVisible();
}

/** Nothing hard-coded once `ready` is on screen (data arrives after the heading). */
async function noHardCodedText(page: Page, ready: string) {
  await expect(page.locator(ready).first()).toBeVisible();
  // Through the CSSOM: the app's CSP refuses an injected style sheet.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.status-bar, .notif-bar'))
      el.style.setProperty('display', 'none', 'important');
  });
  expect(await hardCodedText(page, data)).toEqual([]);
}

const csv = (lines: string[]) => ({
  name: 'people.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n')),
});

test('participants: the list, the form, an import at its mapping step, attendance and a badge', async ({
  page,
}) => {
  await signIn(page);
  await open(page, '/admin/participants');
  await noHardCodedText(page, 'tbody tr');

  await page.locator('main .row button.primary').first().click();
  await noHardCodedText(page, 'form.card input[name="firstName"]');
  await page.locator('form.card button.link').click();

  await page.locator('main button[aria-pressed]').click();
  await page
    .locator('main input[type="file"]')
    .setInputFiles(csv(['first_name,last_name,groups', 'Zoé,Lefèvre,Choir', 'Hélène,Dupré,']));
  await noHardCodedText(page, '[data-testid="sample-first_name"]');
  // An unmet need and its explanation: first name matched to nothing.
  await page.locator('main .form-grid select').first().selectOption('-1');
  await noHardCodedText(page, '[id$="-unmet"]');
  await page.locator('main button[aria-pressed]').click();

  // A participant's attendance (empty or not) and their badge.
  await page.locator('tbody tr').first().locator('td.actions button.link').nth(1).click();
  await noHardCodedText(page, 'section.card h2');
  await page.locator('section.card button.link').click();
  await page.locator('tbody tr').first().locator('td.actions button.link').nth(2).click();
  await noHardCodedText(page, '.badge-card img');
});

test('ushers: the list and the temporary-usher form', async ({ page }) => {
  await signIn(page);
  await open(page, '/admin/ushers');
  await noHardCodedText(page, 'tbody tr select');
  await noHardCodedText(page, 'form.card input[name="hours"]');
});

test('devices: the list and renaming this device', async ({ page }) => {
  await signIn(page);
  await open(page, '/admin/devices');
  await noHardCodedText(page, 'tbody tr');
  const toggle = page.getByRole('button', { name: /Menu/ });
  if (await toggle.isVisible()) await toggle.click();
  await page.locator('.device-name button').click();
  await noHardCodedText(page, '.device-name-form input');
});

test('audit log: the filters and the entries', async ({ page }) => {
  await signIn(page);
  await open(page, '/admin/audit');
  await noHardCodedText(page, 'tbody tr');
});

test('settings: the organization form, stations, presence states and the retention preview', async ({
  page,
}) => {
  await signIn(page);
  await open(page, '/admin/settings');
  await noHardCodedText(page, '[data-testid="retention-preview"]');
});

test('my account: the start of setting up two-step sign-in', async ({ page }) => {
  await signIn(page);
  await open(page, '/admin/account');
  await noHardCodedText(page, 'section.card button.primary');
  await page.locator('section.card button.primary').click();
  await noHardCodedText(page, 'img.totp-qr');
});
