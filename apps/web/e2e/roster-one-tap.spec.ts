// Issue 10 item 5: one tap must not rewrite a session. "Mark all present" says how many people it
// changes and can be cancelled, or undone afterwards; the undo is new changes that reach the
// server (set then clear: version 2), not queued changes deleted. A second tap on someone already
// recorded asks before clearing them.
import { expect, test, type Dialog, type Page } from '@playwright/test';
import type { Participant, PullResponse } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeEach(async () => {
  server = await launchServer();
});
test.afterEach(async () => {
  await server?.dispose();
});

const here = (page: Page) => page.getByTestId('headcount').locator('strong');
const markAll = (page: Page) => page.getByRole('button', { name: 'Mark all present' });

async function openDoor(page: Page) {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.openSession();
  await expect(here(page)).toHaveText('0');
  // Nothing recorded yet: the roster is exactly who is expected (its header says how many).
  const count = page.getByTestId('roster-count');
  await expect(count).toHaveText(/^\(0 arrived of \d{2,} expected\)$/);
  const rosterSize = Number(/of (\d+) expected/.exec((await count.textContent())!)![1]);
  return { app, rosterSize };
}

/** Answers the next dialog; resolves with what it said (or null if none came within `ms`). */
function nextDialog(page: Page, answer: 'accept' | 'dismiss', ms = 5000) {
  return new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => {
      page.off('dialog', on);
      resolve(null);
    }, ms);
    const on = (d: Dialog) => {
      clearTimeout(timer);
      const message = d.message();
      void (answer === 'accept' ? d.accept() : d.dismiss()).then(() => resolve(message));
    };
    page.once('dialog', on);
  });
}

test('mark all present asks how many it changes; cancel changes nothing', async ({ page }) => {
  const { app, rosterSize } = await openDoor(page);
  await page.context().setOffline(true);
  const dialog = nextDialog(page, 'dismiss');
  await markAll(page).click();
  expect(await dialog).toContain(`Mark ${rosterSize} people present?`);
  await page.waitForTimeout(500);
  await expect(here(page)).toHaveText('0');
  await app.expectPending(0);
});

test('mark all, confirmed then undone offline: both reach the server as changes', async ({
  page,
}) => {
  const { app, rosterSize } = await openDoor(page);
  await page.context().setOffline(true);
  const dialog = nextDialog(page, 'accept');
  await markAll(page).click();
  expect(await dialog).toContain(`Mark ${rosterSize} people present?`);
  await expect(here(page)).toHaveText(String(rosterSize));
  await app.expectPending(rosterSize);

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(here(page)).toHaveText('0');
  // The undo queued new changes beside the mark-all's, it did not delete them.
  await app.expectPending(2 * rosterSize);

  await page.context().setOffline(false);
  await app.expectPending(0);
  const admin = await adminApi(server.url);
  const pulled = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
  const records = pulled.presenceRecords;
  expect(records).toHaveLength(rosterSize);
  expect(records.every((r) => r.state === null && r.version === 2)).toBe(true);
});

test('a second tap on someone checked in asks before clearing them', async ({ page }) => {
  const { app } = await openDoor(page);
  const admin = await adminApi(server.url);
  const someone = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.find((p) => p.groupIds.length > 0)!;
  const present = page
    .getByTestId(`roster-${someone.id}`)
    .getByRole('button', { name: 'Present', exact: true });
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(here(page)).toHaveText('1');

  let dialog = nextDialog(page, 'dismiss');
  await present.click();
  expect(await dialog).toContain(`${someone.firstName} ${someone.lastName}`);
  await page.waitForTimeout(500);
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(here(page)).toHaveText('1');

  dialog = nextDialog(page, 'accept');
  await present.click();
  expect(await dialog).toContain('Undo');
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await expect(here(page)).toHaveText('0');
  await app.expectPending(0);
  const pulled = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
  expect(
    pulled.presenceRecords
      .filter((r) => r.participantId === someone.id)
      .map((r) => [r.state, r.version]),
  ).toEqual([[null, 2]]);
});
