// Issue 12 item 8, the door at the end of a session, on a phone (390×844): with "record departures"
// on, an usher checks people out offline — from the roster, from the banner of an already-in scan,
// and with the door turned to "Out" — and someone not checked in is refused on screen. Back online
// each departure reaches the server exactly once; the live page shows who is still in.
import { expect, test } from '@playwright/test';
import type { Participant, PullResponse } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminClient, type AdminClient } from './support/admin-client.ts';
import { launchServer, type TestServer } from './support/server.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

let server: TestServer;
let admin: AdminClient;
let people: Participant[];

test.beforeAll(async () => {
  server = await launchServer();
  admin = await adminClient(server.url);
  await admin.patch('/api/v1/organization', { settings: { recordDepartures: true } });
  people = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=60')
  ).items.filter((p) => p.groupIds.length > 0);
});
test.afterAll(async () => {
  await server?.dispose();
});

// Demo people sort by last name, so several share one: banners are matched by the whole name.
const nameOf = (p: Participant) => `${p.preferredName || p.firstName} ${p.lastName}`;

interface History {
  items: { received: number; applied: number; duplicate: number; rejected: number }[];
}

test('check-outs made offline sync by themselves, each exactly once', async ({
  page,
  context,
  browser,
}) => {
  const [byRoster, byBanner, byDoor, notIn, stays] = people as [
    Participant,
    Participant,
    Participant,
    Participant,
    Participant,
  ];
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await app.openSession();
  const feedback = app.feedback();
  const here = page.getByTestId('headcount').locator('strong');

  // Arrivals, online: four people in.
  for (const p of [byRoster, byBanner, byDoor, stays]) {
    await app.checkInByCode(p.personalCode);
    await expect(feedback).toContainText(nameOf(p));
  }
  await expect(here).toHaveText('4');
  await app.expectPending(0);

  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toContainText('Offline');

  // From the roster: the checked-in person has "Check out"; afterwards the row says when they left.
  const row = page.getByTestId(`roster-${byRoster.id}`);
  await row.getByRole('button', { name: 'Check out' }).click();
  await expect(feedback).toHaveAttribute('data-kind', 'left');
  await expect(feedback).toContainText(nameOf(byRoster));
  await expect(feedback).toContainText(/Checked out at/);
  await expect(page.getByTestId(`left-${byRoster.id}`)).toContainText('left');
  await expect(row.getByRole('button', { name: 'Check out' })).toHaveCount(0);
  await expect(here).toHaveText('3');
  await expect(page.getByTestId('left-count')).toHaveText('Left 1');

  // Scanning (here: typing) an already-in code says so and offers check-out in the banner.
  await app.checkInByCode(byBanner.personalCode);
  await expect(feedback).toContainText(nameOf(byBanner));
  await expect(feedback).toHaveAttribute('data-kind', 'already');
  await expect(feedback).toContainText('Already checked in');
  await page.getByTestId('check-out-from-banner').click();
  await expect(feedback).toHaveAttribute('data-kind', 'left');
  await expect(feedback).toContainText(nameOf(byBanner));
  await expect(here).toHaveText('2');

  // The door turned to "Out": a code checks out; someone not checked in is refused, nothing queued.
  const door = page.getByRole('group', { name: 'Scans check people' });
  await door.getByRole('button', { name: 'Out' }).click();
  await expect(door.getByRole('button', { name: 'Out' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Check out', exact: true }).first()).toBeVisible();
  const codeBox = page.getByLabel('Personal code or key');
  await codeBox.fill(byDoor.personalCode);
  await expect(feedback).toContainText(nameOf(byDoor));
  await expect(feedback).toHaveAttribute('data-kind', 'left');
  await expect(here).toHaveText('1');
  await expect(codeBox).toHaveValue('');
  await codeBox.fill(notIn.personalCode);
  await expect(feedback).toContainText(nameOf(notIn));
  await expect(feedback).toHaveAttribute('data-kind', 'wrong');
  await expect(feedback).toContainText('Not checked in: nothing to check out.');
  // The same person again: already out, nothing new.
  await codeBox.fill(byDoor.personalCode);
  await expect(feedback).toContainText(nameOf(byDoor));
  await expect(feedback).toContainText('Already checked out at');
  await expect(here).toHaveText('1');
  await app.expectPending(3);

  // A reload offline keeps what was recorded (it is in IndexedDB, not in memory).
  await page.reload();
  await expect(page.getByTestId(`left-${byRoster.id}`)).toBeVisible();
  await app.expectPending(3);

  await context.setOffline(false);
  await app.expectPending(0);

  const pulled = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
  const records = new Map(pulled.presenceRecords.map((r) => [r.participantId, r]));
  for (const p of [byRoster, byBanner, byDoor]) {
    expect(records.get(p.id)).toMatchObject({ state: 'present', version: 1 });
    expect(records.get(p.id)?.leftAt).toEqual(expect.any(String));
  }
  expect(records.get(stays.id)?.leftAt).toBeNull();
  expect(records.has(notIn.id)).toBe(false);
  // Four check-ins and three check-outs were sent; each arrived once: applied, never again as a
  // duplicate, nothing refused.
  const history = await admin.get<History>('/api/v1/sync-history?limit=500');
  const sum = (k: 'applied' | 'duplicate' | 'rejected') =>
    history.items.reduce((n, h) => n + h[k], 0);
  expect([sum('applied'), sum('duplicate'), sum('rejected')]).toEqual([7, 0, 0]);
  const sessionId = records.get(stays.id)?.sessionId ?? '';
  const csv = await admin.text(`/api/v1/reports/attendance?sessionId=${sessionId}&format=csv`);
  expect(csv.split('\r\n')[0]).toMatch(/left_at,minutes_present$/);

  // The live page (the admin's): one still in, three left.
  const live = await admin.get<{ stillIn: number; left: number }>(
    `/api/v1/sessions/${sessionId}/live`,
  );
  expect(live).toMatchObject({ stillIn: 1, left: 3 });
  const adminContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const adminApp = new AppPage(await adminContext.newPage(), server.url);
  await adminApp.login('admin@demo.rollcall.test');
  await adminApp.page.getByRole('button', { name: 'Live arrivals for Sunday Service' }).click();
  await expect(adminApp.page.getByTestId('live-still-in')).toHaveText(/Still in\s*1\s*· left 3/);
  await expect(adminApp.page.getByTestId('live-latest')).toContainText(
    `${nameOf(byDoor)} · present`,
  );

  // The attendance report shows time present for those checked out (minutes, here under one).
  await adminApp.navTo('Reports');
  await adminApp.page.getByRole('combobox', { name: /^Report/ }).selectOption('attendance');
  await adminApp.page.getByLabel('Session').selectOption(sessionId);
  const report = adminApp.page.getByRole('region', { name: 'Attendance' });
  // On a phone each row is a card (no table roles, no header row): the cell names its column.
  const doorRow = report.locator('tr', { hasText: nameOf(byDoor) });
  await expect(doorRow.locator('td[data-label="Present for"]')).toContainText(/\d+ min/);
  await adminContext.close();
});
