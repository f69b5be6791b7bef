// Background Sync: a change recorded offline reaches the server after the app's tab was closed,
// pushed by the service worker when the browser wakes it with the outbox's sync tag.
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

test('the service worker drains the outbox on a sync event with no app page open', async ({
  browser,
}) => {
  const api = await adminApi(server.url);
  const person = (
    await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200')
  ).items.filter((p) => p.active)[40]!;
  const sunday = (
    await api.get<{ items: { id: string; name: string }[] }>('/api/v1/sessions')
  ).items.findLast((s) => s.name === 'Sunday Service')!;
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage(), server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await app.openSession();
  await context.setOffline(true);
  await app.checkInByCode(person.personalCode);
  await app.expectPending(1);
  await app.page.close(); // no Rollcall tab is left to push

  await context.setOffline(false);
  const live = async () =>
    (
      await api.get<{ latest: { participantId: string }[] }>(`/api/v1/sessions/${sunday.id}/live`)
    ).latest.map((l) => l.participantId);
  // Chromium fires the sync event by itself once it sees the network back; if it has not within a
  // few seconds, wake the worker the way the browser would (DevTools protocol).
  const arrived = await expect
    .poll(live, { timeout: 5_000 })
    .toContain(person.id)
    .then(
      () => true,
      () => false,
    );
  const blank = await context.newPage();
  if (!arrived) {
    const cdp = await context.newCDPSession(blank);
    const registration = new Promise<string>((resolve) => {
      cdp.on(
        'ServiceWorker.workerRegistrationUpdated',
        ({
          registrations,
        }: {
          registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[];
        }) => {
          const ours = registrations.find((r) => r.scopeURL.startsWith(server.url) && !r.isDeleted);
          if (ours) resolve(ours.registrationId);
        },
      );
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(server.url).origin,
      registrationId: await registration,
      tag: 'rollcall-outbox',
      lastChance: false,
    });
    await expect.poll(live, { timeout: 20_000 }).toContain(person.id);
  }
  // It was the worker, not a page: its pushes identify themselves in the sync history.
  const history = await api.get<{
    items: { appVersion: string | null; applied: number; userName: string }[];
  }>('/api/v1/sync-history?limit=20');
  expect(
    history.items.filter(
      (h) => h.appVersion === 'service-worker' && h.applied === 1 && h.userName === 'Ana Usher',
    ),
  ).toHaveLength(1);

  // The worker settled the entry: the app reopens with nothing pending.
  const again = new AppPage(blank, server.url);
  await blank.goto(server.url);
  await again.expectPending(0);
  await context.close();
});
