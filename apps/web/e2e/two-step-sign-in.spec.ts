// Issue 23 on a phone (390×844): an admin turns on two-step sign-in from their account screen
// (QR code, the key in groups of four, recovery codes shown once), signs out, and signs back in
// with the password and then a code computed from the key the screen showed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';
import { totpCode, totpStep } from './support/totp.ts';

const PHONE = { width: 390, height: 844 };
let server: TestServer;

/** My account sits beside Sign out, behind the Menu button on a phone. */
async function openAccount(page: Page) {
  await page.getByRole('button', { name: /^Menu/ }).click();
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/account$/);
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server.dispose();
});

test('an admin enrols TOTP, signs out, and signs in with password and code', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');

  await openAccount(page);
  const twoStep = page.getByRole('region', { name: 'Two-step sign-in' });
  await twoStep.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(twoStep.getByRole('img', { name: /QR code/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const shown = page.getByTestId('totp-secret');
  const secret = (await shown.textContent())?.replace(/\s/g, '') ?? '';
  expect(await shown.textContent()).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);

  const enrolStep = totpStep();
  await twoStep.getByLabel(/6-digit code/).fill(totpCode(secret));
  await twoStep.getByRole('button', { name: 'Turn on' }).click();
  const codes = twoStep.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(8);
  await twoStep.getByRole('button', { name: 'I have saved them' }).click();
  await expect(twoStep).toContainText('8 recovery codes left');

  await page.getByRole('button', { name: /^Menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill('admin@demo.rollcall.test');
  await page.getByLabel('Password').fill('rollcall-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Authentication code');
  await expect(code).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The enrolment's code is spent: an authenticator shows the next one after the 30 s step.
  await expect.poll(() => totpStep(), { timeout: 35_000 }).toBeGreaterThan(enrolStep);
  await code.fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await openAccount(page);
  await expect(page.getByRole('region', { name: 'Two-step sign-in' })).toContainText(
    '8 recovery codes left',
  );
  await context.close();
});
