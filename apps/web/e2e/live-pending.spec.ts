// The live page's "Pending" per device is what the device still holds after its sync, not what it
// held before: an usher's check-ins made offline sync, and the admin sees that device at 0.
import { expect, test } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

test("the live page shows a drained device's pending count as 0", async ({ browser }) => {
  const api = await adminApi(server.url);
  const people = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=50')).items
    .filter((p) => p.groupIds.length > 0)
    .slice(0, 3);
  const usherContext = await browser.newContext();
  const usher = new AppPage(await usherContext.newPage(), server.url);
  await usher.login('usher1@demo.rollcall.test');
  await usher.openSession();
  await usherContext.setOffline(true);
  for (const p of people) {
    await usher.checkInByCode(p.personalCode);
    await expect(usher.feedback()).toContainText(p.lastName);
  }
  await usher.expectPending(3);
  await usherContext.setOffline(false);
  await usher.expectPending(0);

  const adminContext = await browser.newContext();
  const admin = new AppPage(await adminContext.newPage(), server.url);
  await admin.login('admin@demo.rollcall.test');
  await admin.page.getByRole('button', { name: 'Live arrivals for Sunday Service' }).click();
  const row = admin.page.getByRole('row').filter({ hasText: 'Ana Usher' });
  await expect(row.getByRole('cell').nth(2)).toHaveText('3');
  await expect(row.getByRole('cell').nth(3)).toHaveText('0');
  await usherContext.close();
  await adminContext.close();
});
