// Issue 16 item 7: a visitor at the door, offline, on a phone. The sheet opens where the usher
// looks, closes onto "Visitor checked in" with Undo, the guest is tagged and appears on the roster
// of the session they came to only, and both the person and the check-in reach the server.
import { expect, test } from '@playwright/test';
import type { Participant, PresenceRecord, Session } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, startSessions, type TestServer } from './support/server.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
  // It ends at 13:00 and would fold under "Recent" later in the day.
  await startSessions(server.url, ['Teens Meeting']);
});
test.afterAll(async () => {
  await server?.dispose();
});

test('a visitor added offline is checked in, tagged as a guest, and on this roster only', async ({
  page,
}) => {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await app.openSession();
  await page.context().setOffline(true);

  await page.getByRole('button', { name: '+ Add someone not on the roster' }).click();
  const sheet = page.getByRole('dialog', { name: 'Add a visitor' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByLabel('First name')).toBeFocused();
  await sheet.getByLabel('First name').fill('Amara');
  await sheet.getByLabel('Last name').fill('Visitor');
  await sheet.getByRole('button', { name: 'Add and check in' }).click();

  await expect(sheet).toHaveCount(0);
  await expect(app.feedback()).toContainText('Amara Visitor');
  await expect(app.feedback()).toContainText('Visitor checked in');
  await expect(app.feedback()).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: 'Amara Visitor' });
  await expect(row).toContainText('guest');
  await expect(row.getByRole('button', { name: 'Present', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Another session with groups: the guest is not on its roster.
  await page.goBack();
  await app.openSession('Teens Meeting');
  await expect(page.getByRole('region', { name: 'Roster' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Amara Visitor' })).toHaveCount(0);

  await page.context().setOffline(false);
  await app.expectPending(0);
  const api = await adminApi(server.url);
  const guest = (
    await api.get<{ items: Participant[] }>('/api/v1/participants?limit=500&q=Amara')
  ).items.find((p) => p.lastName === 'Visitor');
  expect(guest?.groupIds).toEqual([]);
  const pull = await api.get<{ sessions: Session[]; presenceRecords: PresenceRecord[] }>(
    '/api/v1/sync/pull?limit=10000',
  );
  const sunday = pull.sessions.findLast((s) => s.name === 'Sunday Service');
  const records = pull.presenceRecords.filter((r) => r.participantId === guest?.id);
  expect(records.map((r) => [r.sessionId, r.state])).toEqual([[sunday?.id, 'present']]);
});
