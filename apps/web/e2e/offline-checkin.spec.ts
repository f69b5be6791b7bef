// Done-means 1: an usher signs in, the browser goes offline, the app reloads and still works;
// people are checked in by camera QR, by code, by name and by roster toggle; back online, the
// changes sync without a click and the server holds every record exactly once.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { formatBadgePayload, type Participant, type PullResponse } from '@rollcall/shared';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { AppPage } from './page-models/app-page.ts';
import { writeBadgeVideo } from './support/fake-camera.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let people: Participant[];
let admin: Awaited<ReturnType<typeof adminApi>>;

test.beforeAll(async () => {
  server = await launchServer();
  admin = await adminApi(server.url);
  people = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.filter((p) => p.groupIds.length > 0);
  const video = join(tmpdir(), `rollcall-badge-${Date.now()}.y4m`);
  writeBadgeVideo(video, formatBadgePayload(admin.organizationId, people[0]!.qrToken));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

test('check-ins made offline in four ways sync by themselves, each exactly once', async () => {
  const since = Date.now() - 60_000; // the demo's past services hold older records of these people
  const context = await browser.newContext({ permissions: ['camera'], baseURL: server.url });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Offline');
  await app.openSession();

  const [byQr, byCode, byName, byRoster] = people as [
    Participant,
    Participant,
    Participant,
    Participant,
  ];
  await page.getByRole('button', { name: 'Scan badges with the camera' }).click();
  await expect(app.feedback()).toContainText(byQr.lastName, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Stop camera' }).click();
  await app.expectPending(1);

  await app.checkInByCode(byCode.personalCode);
  await expect(app.feedback()).toContainText(byCode.lastName);
  await app.checkInByName(
    byName.firstName.slice(0, 3) + ' ' + byName.lastName.slice(0, 2),
    `${byName.firstName} ${byName.lastName}`,
  );
  await expect(app.feedback()).toContainText(byName.lastName);
  await app.setState(byRoster.id, 'Late');
  await app.expectPending(4);

  // What the device downloads once back online: its own check-ins must not come back (the push
  // answer names the rows it wrote, and the device's cursor moves over them).
  const pulledBack: string[] = [];
  let pullsAfter = 0;
  page.on('response', (res) => {
    if (!res.url().includes('/api/v1/sync/pull')) return;
    void res.json().then((body: PullResponse) => {
      pulledBack.push(...body.presenceRecords.map((r) => r.participantId));
      pullsAfter++;
    });
  });
  await context.setOffline(false);
  await app.expectPending(0);
  await expect.poll(() => pullsAfter).toBeGreaterThan(0);
  expect(
    pulledBack.filter((id) => [byQr, byCode, byName, byRoster].some((p) => p.id === id)),
  ).toEqual([]);
  const pulled = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
  const mine = pulled.presenceRecords.filter(
    (r) =>
      Date.parse(r.recordedAt) >= since &&
      [byQr, byCode, byName, byRoster].some((p) => p.id === r.participantId),
  );
  expect(mine.map((r) => [r.participantId, r.method, r.version]).sort()).toEqual(
    [
      [byQr.id, 'qr', 1],
      [byCode.id, 'code', 1],
      [byName.id, 'search', 1],
      [byRoster.id, 'manual', 1],
    ].sort(),
  );
  await context.close();
});
