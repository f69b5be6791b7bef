// Done-means 2: two ushers, both offline, record different states for the same person; on
// reconnect the server reports one conflict and both devices show the flag; agreeing records
// produce none.
import { expect, test } from '@playwright/test';
import type { Conflict, Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('disagreement becomes one conflict flagged on both devices; agreement does not', async ({
  browser,
}) => {
  const admin = await adminApi(server.url);
  const [disputed, agreed] = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.filter((p) => p.groupIds.length > 0);
  const devices = [];
  for (const email of ['usher1@demo.rollcall.test', 'usher2@demo.rollcall.test']) {
    const context = await browser.newContext();
    const app = new AppPage(await context.newPage(), server.url);
    await app.login(email);
    await app.openSession();
    devices.push({ context, app });
  }
  for (const d of devices) await d.context.setOffline(true);
  await devices[0]!.app.setState(disputed!.id, 'Present');
  await devices[1]!.app.setState(disputed!.id, 'Absent');
  for (const d of devices) await d.app.setState(agreed!.id, 'Present');
  for (const d of devices) await d.app.expectPending(2);

  for (const d of devices) await d.context.setOffline(false);
  for (const d of devices) await d.app.expectPending(0);

  const { items } = await admin.get<{ items: Conflict[] }>('/api/v1/conflicts?status=open');
  expect(items).toHaveLength(1);
  expect(items[0]!.participantId).toBe(disputed!.id);
  for (const d of devices) {
    await expect(
      d.app.page.getByTestId(`roster-${disputed!.id}`).getByText('an admin will check'),
    ).toBeVisible({ timeout: 30_000 });
    await expect(
      d.app.page.getByTestId(`roster-${agreed!.id}`).getByText('an admin will check'),
    ).toHaveCount(0);
  }
  for (const d of devices) await d.context.close();
});
