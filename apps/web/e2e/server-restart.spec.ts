// Done-means 3: the server stops while changes are pending; after it restarts the queue drains
// by itself (backoff with jitter, no click).
import { expect, test } from '@playwright/test';
import type { Participant, PullResponse } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('a queue built while the server is down drains by itself after the restart', async ({
  page,
}) => {
  const admin = await adminApi(server.url);
  const people = (await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=10')).items;
  const app = new AppPage(page, server.url);
  await app.login('usher2@demo.rollcall.test');
  await app.openSession();
  await server.stop();
  for (const p of people.slice(0, 3)) {
    await app.checkInByCode(p.personalCode);
    await expect(app.feedback()).toContainText(p.lastName);
  }
  await app.expectPending(3);
  await expect(page.getByTestId('sync-status')).toContainText('Server unreachable');
  await server.restart();
  await expect(app.pending()).toHaveAttribute('data-pending', '0', { timeout: 70_000 });
  const pulled = await (
    await adminApi(server.url)
  ).get<PullResponse>('/api/v1/sync/pull?limit=10000');
  expect(
    pulled.presenceRecords.filter((r) => people.slice(0, 3).some((p) => p.id === r.participantId)),
  ).toHaveLength(3);
});
