// Sign in, see today's sessions, check someone in by code: the shortest path through the app.
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => { server = await launchServer(); });
test.afterAll(async () => { await server.dispose(); });

test('an usher signs in and checks someone in by code', async ({ page }) => {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.openSession();
  const admin = await adminApi(server.url);
  const { items } = await admin.get<{ items: { id: string; personalCode: string; firstName: string }[] }>('/api/v1/participants?limit=5');
  const person = items[0]!;
  await app.checkInByCode(person.personalCode);
  await expect(app.feedback()).toContainText(person.firstName);
  await expect(app.feedback()).toContainText('Checked in');
  await page.screenshot({ path: 'test-results/checkin.png', fullPage: false });
  await app.checkInByCode(person.personalCode);
  await expect(app.feedback()).toContainText(/Already checked in at .* by Ana Usher/);
});
