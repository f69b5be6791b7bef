// Reports in the browser: the weekly trends chart reflects check-ins made by an usher's device,
// and the attendance report lists them.
import { expect, test } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => { server = await launchServer(); });
test.afterAll(async () => { await server?.dispose(); });

test('the trends chart and the attendance report show what ushers recorded', async ({ browser }) => {
  const api = await adminApi(server.url);
  const groups = await api.get<{ items: { id: string; name: string }[] }>('/api/v1/groups');
  const members = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200')).items.filter((p) => p.groupIds.includes(groups.items[0]!.id)).slice(0, 3);
  const usherContext = await browser.newContext();
  const usher = new AppPage(await usherContext.newPage(), server.url);
  await usher.login('usher1@demo.rollcall.test');
  await usher.openSession();
  for (const p of members) {
    await usher.checkInByCode(p.personalCode);
    await expect(usher.feedback()).toContainText(p.firstName);
  }
  await usher.expectPending(0);

  const context = await browser.newContext();
  const admin = new AppPage(await context.newPage(), server.url);
  await admin.login('admin@demo.rollcall.test');
  await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
  await admin.page.getByLabel('Group').selectOption(groups.items[0]!.id);
  const chart = admin.page.getByRole('img', { name: /Weekly attendance over \d+ weeks/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /3 attendees, 3 first-time/);
  await admin.page.getByText('Numbers').click();
  await expect(admin.page.getByRole('table')).toContainText('3');

  await admin.page.getByLabel('Report', { exact: true }).selectOption('attendance');
  const report = admin.page.getByRole('region', { name: 'Attendance' });
  for (const p of members) await expect(report).toContainText(`${p.firstName} ${p.lastName}`);
  const download = admin.page.waitForEvent('download');
  await admin.page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toBe('rollcall-attendance.csv');
  await usherContext.close();
  await context.close();
});
