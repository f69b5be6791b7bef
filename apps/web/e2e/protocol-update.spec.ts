// A server that no longer serves this app's protocol: the app stops retrying, keeps its check-ins
// and asks for an update, instead of retrying for ever behind a generic error.
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server.dispose();
});

test('protocol_unsupported asks the usher to update the app and stops retrying', async ({
  page,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.openSession();
  let pulls = 0;
  await page.route('**/api/v1/sync/pull**', async (route) => {
    pulls += 1;
    await route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 400,
        code: 'protocol_unsupported',
        error: 'Bad Request',
        message: 'This app speaks protocol 2; the server needs 3 or later. Update the app.',
      }),
    });
  });
  await page
    .getByRole('button', { name: 'Retry now' })
    .click({ timeout: 2_000 })
    .catch(() => {});
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('update-app')).toContainText('out of date', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Update the app' })).toBeVisible();
  const seen = pulls;
  await page.waitForTimeout(6_000); // longer than the first backoff steps and the stall watchdog
  expect(pulls).toBe(seen);
});
