// A temporary usher records check-ins offline; meanwhile an admin revokes the assignment; the
// phone records more, then reconnects. What was recorded before the revocation reaches the
// server; the rest is refused change by change, and the phone says plainly how many will not
// count and hands them over as a CSV (name, session, time, state) instead of a queue that never drains.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
let admin: Awaited<ReturnType<typeof adminApi>>;

test.beforeAll(async () => {
  server = await launchServer();
  admin = await adminApi(server.url);
});
test.afterAll(async () => {
  await server?.dispose();
});

async function revokeTempUsher() {
  const users = await admin.get<{
    items: { role: string; assignment: { id: string } | null }[];
  }>('/api/v1/users');
  const id = users.items.find((u) => u.role === 'temp_usher')!.assignment!.id;
  const res = await fetch(`${server.url}/api/v1/assignments/${id}/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
  });
  expect(res.status).toBe(204);
}

test('a revoked temporary usher: check-ins from before the revocation arrive, the rest are named and exported', async ({
  browser,
}) => {
  const people = (await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')).items
    .filter((p) => p.active)
    .slice(0, 3);
  const [early1, early2, late] = people as [Participant, Participant, Participant];
  const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login('temp@demo.rollcall.test');
  await app.openSession();

  await context.setOffline(true);
  await app.checkInByCode(early1.personalCode);
  await expect(app.feedback()).toContainText(early1.lastName);
  await app.checkInByCode(early2.personalCode);
  await expect(app.feedback()).toContainText(early2.lastName);
  await app.expectPending(2);

  await revokeTempUsher();
  // Still offline, the phone cannot know; the usher keeps checking people in.
  await page.waitForTimeout(50);
  await app.checkInByCode(late.personalCode);
  await expect(app.feedback()).toContainText(late.lastName);
  await app.expectPending(3);

  await context.setOffline(false); // the phone syncs on its own when the network returns
  await app.expectPending(0);
  const notCounting = page.getByTestId('not-counting');
  await expect(notCounting).toContainText('1 check-in will not count');
  await expect(page.getByTestId('sync-status')).toContainText('revoked');

  const sunday = (
    await admin.get<{ items: { id: string; name: string }[] }>('/api/v1/sessions')
  ).items.findLast((s) => s.name === 'Sunday Service')!;
  const live = await admin.get<{ latest: { participantId: string }[] }>(
    `/api/v1/sessions/${sunday.id}/live`,
  );
  const arrived = live.latest.map((l) => l.participantId);
  expect(arrived).toEqual(expect.arrayContaining([early1.id, early2.id]));
  expect(arrived).not.toContain(late.id);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notCounting.getByRole('button', { name: 'Download them (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('"name","session","time","state","reason"');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"${late.firstName} ${late.lastName}","Sunday Service"`);
  expect(lines[1]).toMatch(/"\d{4}-\d\d-\d\dT[\d:.]+Z","(present|late)"/);
  expect(lines[1]).toContain('revoked');

  // The admin sees what arrived late and what was refused.
  const desk = await browser.newContext({ baseURL: server.url });
  const adminPage = await desk.newPage();
  await new AppPage(adminPage, server.url).login('admin@demo.rollcall.test');
  await adminPage
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Ushers' })
    .click();
  const row = adminPage.getByTestId('user-temp@demo.rollcall.test');
  await expect(row).toContainText('revoked');
  await expect(row.getByTestId('late-accepted')).toContainText('2 accepted after the end');
  await expect(row.getByTestId('refused')).toContainText('1 refused');
  await desk.close();
  await context.close();
});
