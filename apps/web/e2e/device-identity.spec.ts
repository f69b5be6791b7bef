// A device's queued changes keep their identity across accounts: a change the server rejected stays
// in the outbox through sign-out and sign-in, and the next check-in still saves and syncs. And a
// local write that fails is impossible to miss: red feedback, the error tone, and the reason.
import { expect, test, type Page } from '@playwright/test';
import type { Participant, PullResponse, Session } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, startSessions, type TestServer } from './support/server.ts';

let server: TestServer;
let admin: Awaited<ReturnType<typeof adminApi>>;
let people: Participant[];
let sessions: Session[];

test.beforeAll(async () => {
  server = await launchServer();
  await startSessions(server.url, ['Evening Service']); // not folded under "Recent" after 20:00
  admin = await adminApi(server.url);
  people = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.filter((p) => p.groupIds.length > 0);
  sessions = (await admin.get<{ items: Session[] }>('/api/v1/sessions')).items;
});
test.afterAll(async () => {
  await server?.dispose();
});

// Today's: the demo also holds past Sunday Services, listed first.
const sessionNamed = (name: string) => sessions.findLast((s) => s.name === name)!;

async function cancelSession(id: string) {
  const res = await fetch(`${server.url}/api/v1/sessions/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ status: 'canceled' }),
  });
  expect(res.status).toBe(200);
}

/** Records every tone the app plays, so a test can tell the error tone (220 Hz) from the others. */
async function listenForTones(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { tones: number[] };
    w.tones = [];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args) {
      w.tones.push(this.frequency.value);
      return start.apply(this, args);
    };
  });
}

test('a rejected change kept through sign-out and sign-in does not block the next check-in', async ({
  page,
  context,
}) => {
  const app = new AppPage(page, server.url);
  const [first, second] = people as [Participant, Participant];
  const evening = sessionNamed('Evening Service');
  const since = Date.now() - 60_000; // the demo's past services hold older records of these people

  // Offline, check someone in to the evening service; the admin cancels it meanwhile, so the
  // server rejects the change once the device is back: it stays in the outbox, with its reason.
  await app.login('usher1@demo.rollcall.test');
  await context.setOffline(true);
  await app.openSession('Evening Service');
  await app.checkInByCode(first.personalCode);
  await expect(app.feedback()).toContainText(first.lastName);
  await app.expectPending(1);
  // While it waits, signing out is refused: it would leave the change with no account.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert')).toContainText('1 change is not synced yet');
  await page.getByRole('button', { name: 'OK' }).click();
  await cancelSession(evening.id);
  await context.setOffline(false);
  await app.expectPending(0);
  await expect(page.getByTestId('sync-status')).toContainText('1 not accepted');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await app.login('usher1@demo.rollcall.test');
  await app.openSession('Sunday Service');
  await app.checkInByCode(second.personalCode);
  await expect(app.feedback()).toHaveClass(/\bok\b/);
  await expect(app.feedback()).toContainText(second.lastName);
  await expect(app.feedback()).toContainText('Checked in');
  await app.expectPending(0);
  // The kept rejection is still there, visible, beside the new change that synced.
  await expect(page.getByTestId('sync-status')).toContainText('1 not accepted');
  const pulled = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
  expect(
    pulled.presenceRecords
      .filter((r) => r.participantId === second.id && Date.parse(r.recordedAt) >= since)
      .map((r) => [r.sessionId, r.state]),
  ).toEqual([[sessionNamed('Sunday Service').id, expect.stringMatching(/present|late/)]]);
  expect(pulled.presenceRecords.filter((r) => r.sessionId === evening.id)).toEqual([]);

  // A third check-in too: the device's sequence keeps moving.
  const third = people[2]!;
  await app.checkInByCode(third.personalCode);
  await expect(app.feedback()).toContainText(third.lastName);
  await expect(app.feedback()).toHaveClass(/\bok\b/);
  await app.expectPending(0);
});

test('a local write that fails shows red, plays the error tone and says why, for a scan and a roster tap', async ({
  page,
}) => {
  await listenForTones(page);
  const app = new AppPage(page, server.url);
  const [, , , person, other] = people;
  await app.login('usher2@demo.rollcall.test');
  await app.openSession('Sunday Service');

  // The device's storage refuses every new outbox entry, as a full disk would.
  await page.evaluate(() => {
    const w = window as unknown as { restoreAdd: () => void };
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
      if (this.name === 'outbox')
        throw new DOMException('The disk is full (test)', 'QuotaExceededError');
      return add.apply(this, args);
    };
    w.restoreAdd = () => {
      IDBObjectStore.prototype.add = add;
    };
  });
  const tonesBefore = await page.evaluate(() => (window as unknown as { tones: number[] }).tones);

  await app.checkInByCode(person!.personalCode);
  await expect(app.feedback()).toHaveClass(/\berror\b/);
  await expect(app.feedback()).toContainText(
    'Not saved on this device: this device is out of storage space. Try again.',
  );
  await expect(app.feedback()).toContainText(person!.lastName);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { tones: number[] }).tones))
    .toEqual([...tonesBefore, 220]);
  await expect(page.getByTestId(`roster-${person!.id}`).getByText('waiting')).toHaveCount(0);

  await app.setState(other!.id, 'Late');
  await expect(app.feedback()).toHaveClass(/\berror\b/);
  await expect(app.feedback()).toContainText(other!.lastName);
  await expect(app.feedback()).toContainText('Not saved on this device');
  await expect(
    page.getByTestId(`roster-${other!.id}`).getByRole('button', { name: 'Late', exact: true }),
  ).toHaveAttribute('aria-pressed', 'false');
  await app.expectPending(0);

  // Once storage works again, trying again saves it.
  await page.evaluate(() => (window as unknown as { restoreAdd: () => void }).restoreAdd());
  await app.checkInByCode(person!.personalCode);
  await expect(app.feedback()).toHaveClass(/\bok\b/);
  await expect(app.feedback()).toContainText(person!.lastName);
});
