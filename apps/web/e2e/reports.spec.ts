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
  const everyone = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200')).items;
  const groupId = everyone.find((p) => p.groupIds.length > 0)!.groupIds[0]!;
  const members = everyone.filter((p) => p.groupIds.includes(groupId)).slice(0, 3);
  // A session of that group which started half an hour ago (reports cover what has happened).
  const start = Date.now() - 30 * 60_000;
  const created = await fetch(`${server.url}/api/v1/sessions`, {
    method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Morning class', scheduledStart: new Date(start).toISOString(), scheduledEnd: new Date(start + 3600_000).toISOString(), status: 'active', groupIds: [groupId] }),
  });
  expect(created.status).toBe(201);
  const usherContext = await browser.newContext();
  const usher = new AppPage(await usherContext.newPage(), server.url);
  await usher.login('usher1@demo.rollcall.test');
  await usher.openSession('Morning class');
  for (const p of members) {
    await usher.checkInByCode(p.personalCode);
    await expect(usher.feedback()).toContainText(p.firstName);
  }
  await usher.expectPending(0);

  const context = await browser.newContext();
  const admin = new AppPage(await context.newPage(), server.url);
  await admin.login('admin@demo.rollcall.test');
  await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
  await admin.page.getByLabel('Group').selectOption(groupId);
  const chart = admin.page.getByRole('img', { name: /Weekly attendance over \d+ weeks/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /3 attendees, 3 first-time/);
  await admin.page.getByText('Numbers').click();
  await expect(admin.page.getByRole('table')).toContainText('3');

  await admin.page.getByRole('combobox', { name: /^Report/ }).selectOption('attendance');
  const report = admin.page.getByRole('region', { name: 'Attendance' });
  for (const p of members) await expect(report).toContainText(`${p.firstName} ${p.lastName}`);
  const download = admin.page.waitForEvent('download');
  await admin.page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toBe('rollcall-attendance.csv');
  await usherContext.close();
  await context.close();
});
