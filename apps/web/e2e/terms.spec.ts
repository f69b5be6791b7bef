// The organization's own words, end to end: the demo church calls a session a "Service" and a
// participant a "Member"; the usher's check-in screen and the admin's attendance sheet PDF say so.
import { expect, test } from '@playwright/test';
import { pdfText } from '@rollcall/sync-server/pdf-text';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer(undefined, { churchWords: true });
});
test.afterAll(async () => {
  await server?.dispose();
});

test("the check-in screen and the attendance PDF use the church's words", async ({ page }) => {
  const app = new AppPage(page, server.url);
  await page.goto(server.url);
  await page.getByLabel('Email').fill('usher1@demo.rollcall.test');
  await page.getByLabel('Password').fill('rollcall-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await app.openSession('Sunday Service');
  // The way back to the list is named with the church's word, nowhere "Sessions".
  await expect(app.nav().getByRole('link', { name: /^Services/ })).toBeVisible();
  await expect(page.getByText(/\bSessions?\b/)).toHaveCount(0);
  await app.checkInByCode((await firstCode()) ?? '');
  await expect(app.feedback()).toContainText('Checked in');

  const api = await adminApi(server.url);
  const sessions = await api.get<{ items: { id: string; name: string }[] }>('/api/v1/sessions');
  const sunday = sessions.items.findLast((s) => s.name === 'Sunday Service');
  const res = await fetch(
    `${server.url}/api/v1/reports/attendance?sessionId=${sunday?.id}&format=pdf`,
    { headers: { authorization: `Bearer ${api.token}` } },
  );
  expect(res.status).toBe(200);
  const pdf = await pdfText(Buffer.from(await res.arrayBuffer()));
  expect(pdf.text).toContain('Service: Sunday Service');
  expect(pdf.text).toMatch(/# \| Member \| Ministry/);
  expect(pdf.text).not.toMatch(/\bParticipant|\bSession\b/);
});

async function firstCode() {
  const api = await adminApi(server.url);
  const people = await api.get<{ items: { personalCode: string; active: boolean }[] }>(
    '/api/v1/participants?limit=5',
  );
  return people.items.find((p) => p.active)?.personalCode;
}
