// Sign in, see today's sessions, check someone in by code: the shortest path through the app.
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server.dispose();
});

test('an usher signs in and checks someone in by code', async ({ page }) => {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.openSession();
  const admin = await adminApi(server.url);
  const { items } = await admin.get<{
    items: { id: string; personalCode: string; firstName: string }[];
  }>('/api/v1/participants?limit=5');
  const person = items[0]!;
  await app.checkInByCode(person.personalCode);
  await expect(app.feedback()).toContainText(person.firstName);
  await expect(app.feedback()).toContainText('Checked in');
  await page.screenshot({ path: 'test-results/checkin.png', fullPage: false });
  await app.checkInByCode(person.personalCode);
  await expect(app.feedback()).toContainText(/Already checked in at .* by Ana Usher/);
});

test('a device locked as a station reopens on its session, without navigation, until unlocked', async ({
  page,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('usher2@demo.rollcall.test');
  await app.openSession();
  await page.getByRole('button', { name: 'Lock as a station' }).click();
  await expect(page.getByText('Station locked to this session')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sunday Service' })).toBeVisible();
  await expect(page.getByText('Station locked to this session')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '← Sessions' })).toHaveCount(0);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: '← Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
});
