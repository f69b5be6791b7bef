// Issue 12: the door as a new usher meets it on a phone (390×844). Each outcome has its own colour,
// buzz and tone; a badge held in view keeps its first result; a code submits itself at the fifth
// digit and a wrong one stays to be corrected; the last check-in can be undone from the banner (a new
// change the server receives); nothing moves while changes wait; the words are ones an usher can act
// on, with no "conflict" jargon; and "last synced" survives a reload offline.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { formatBadgePayload, type Participant, type PullResponse } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

const SCREENS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/screens');

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

let server: TestServer;
let people: Participant[];
let organizationId: string;

test.beforeEach(async ({ page }) => {
  server = await launchServer();
  const admin = await adminApi(server.url);
  organizationId = admin.organizationId;
  people = (await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=60')).items;
  // Every vibration the page asks for, as the pattern it asked.
  await page.addInitScript(() => {
    const w = window as unknown as { buzz: string[] };
    w.buzz = [];
    Object.defineProperty(Navigator.prototype, 'vibrate', {
      configurable: true,
      value: (p: number | number[]) => {
        w.buzz.push(JSON.stringify(p));
        return true;
      },
    });
  });
});
test.afterEach(async () => {
  await server?.dispose();
});

const buzzes = (page: Page) =>
  page.evaluate(() => (window as unknown as { buzz: string[] }).buzz.slice());
const here = (page: Page) => page.getByTestId('headcount').locator('strong');
const codeBox = (page: Page) => page.getByLabel('Personal code or key');
const panel = (page: Page) => page.getByRole('region', { name: 'Check people in' });
const rostered = () => people.filter((p) => p.groupIds.length > 0);
/** A five-digit code no one has. */
const unknownCode = () => {
  const codes = new Set(people.map((p) => p.personalCode));
  for (let n = 99999; ; n--) if (!codes.has(String(n))) return String(n);
};

async function openDoor(page: Page, email = 'usher1@demo.rollcall.test') {
  const app = new AppPage(page, server.url);
  await app.login(email);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await app.openSession();
  await expect(here(page)).toHaveText('0');
  return app;
}

/** Types a code on the number pad, digit by digit, and never presses Enter (there is none). */
async function thumb(page: Page, code: string) {
  await codeBox(page).click();
  await codeBox(page).pressSequentially(code, { delay: 60 });
}

async function feedbackKinds({ page }: { page: Page }) {
  const app = await openDoor(page);
  const [a, b] = rostered() as [Participant, Participant];
  const kinds: Record<string, { bg: string; buzz: string }> = {};
  const seen = async (kind: string) => {
    await expect(app.feedback()).toHaveAttribute('data-kind', kind);
    await expect(app.feedback()).toHaveClass(new RegExp(`\\b${kind}\\b`));
    const bg = await app.feedback().evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(async () => (await buzzes(page)).length).toBeGreaterThan(0);
    kinds[kind] = { bg, buzz: (await buzzes(page)).at(-1)! };
  };

  await thumb(page, a.personalCode);
  await expect(app.feedback()).toContainText('Checked in');
  await seen('ok');
  await thumb(page, a.personalCode);
  await expect(app.feedback()).toContainText('Already checked in');
  await seen('already');
  await thumb(page, unknownCode());
  await expect(app.feedback()).toContainText('No one has the code');
  await seen('wrong');

  // The device's storage refuses the write, as a full disk would.
  await page.evaluate(() => {
    const add = IDBObjectStore.prototype.add;
    (window as unknown as { restoreAdd: () => void }).restoreAdd = () => {
      IDBObjectStore.prototype.add = add;
    };
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
      if (this.name === 'outbox')
        throw new DOMException('The disk is full (test)', 'QuotaExceededError');
      return add.apply(this, args);
    };
  });
  await codeBox(page).fill('');
  await thumb(page, b.personalCode);
  await expect(app.feedback()).toContainText('Not saved on this device');
  await seen('error');
  await page.evaluate(() => (window as unknown as { restoreAdd: () => void }).restoreAdd());

  expect(Object.keys(kinds)).toEqual(['ok', 'already', 'wrong', 'error']);
  expect(new Set(Object.values(kinds).map((k) => k.bg)).size).toBe(4);
  expect(new Set(Object.values(kinds).map((k) => k.buzz)).size).toBe(4);

  // A roster tap: the same banner, the same success buzz as a scan.
  const before = (await buzzes(page)).length;
  await app.setState(b.id, 'Present');
  await expect(app.feedback()).toHaveAttribute('data-kind', 'ok');
  await expect(app.feedback()).toContainText(`${b.firstName} ${b.lastName}`);
  await expect.poll(async () => (await buzzes(page)).slice(before)).toEqual([kinds.ok!.buzz]);

  // Search results show who is already in.
  await page.getByLabel('Search by name').fill(a.lastName.slice(0, 3));
  const results = page.getByRole('list', { name: 'Matching people' });
  await expect(
    results
      .getByRole('listitem')
      .filter({ hasText: `${a.firstName} ${a.lastName}` })
      .first(),
  ).toContainText('Present');
  await expect(results.getByTestId('already-in').first()).toBeVisible();
}

test(
  'each outcome has its own kind, colour and vibration; a roster tap says it like a scan',
  feedbackKinds,
);

test('a badge held in view: repeated reads keep the first result, not "already checked in"', async ({
  page,
}) => {
  const app = await openDoor(page);
  const p = people[5]!;
  const badge = formatBadgePayload(organizationId, p.qrToken);
  // A presentation scanner reads the badge still held up three times in under two seconds.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.type(badge);
    await page.keyboard.press('Enter');
    await expect(here(page)).toHaveText('1');
    await page.waitForTimeout(500);
    await expect(app.feedback()).toHaveAttribute('data-kind', 'ok');
    await expect(app.feedback()).not.toContainText('already');
  }
  expect(await buzzes(page)).toHaveLength(1);
});

test('a code submits itself at the fifth digit; a wrong one keeps its digits to correct', async ({
  page,
}) => {
  const app = await openDoor(page);
  const p = people[6]!;
  const wrong = unknownCode();
  await thumb(page, wrong);
  await expect(app.feedback()).toHaveAttribute('data-kind', 'wrong');
  await expect(app.feedback()).toContainText(wrong);
  await expect(codeBox(page)).toHaveValue(wrong);
  await page.waitForTimeout(600);
  // Refused once, not again by the box on its own.
  expect(await buzzes(page)).toHaveLength(1);

  // Corrected with backspaces, it submits itself again at the fifth digit, no Enter pressed.
  for (let i = 0; i < 5; i++) await codeBox(page).press('Backspace');
  await codeBox(page).pressSequentially(p.personalCode, { delay: 60 });
  await expect(app.feedback()).toHaveAttribute('data-kind', 'ok');
  await expect(app.feedback()).toContainText(`${p.firstName} ${p.lastName}`);
  await expect(here(page)).toHaveText('1');
  await expect(codeBox(page)).toHaveValue('');
  await app.expectPending(0);
});

test('undo of the last check-in from the banner is a new change the server receives', async ({
  page,
}) => {
  const app = await openDoor(page);
  const p = people[7]!;
  await thumb(page, p.personalCode);
  await expect(app.feedback()).toHaveAttribute('data-kind', 'ok');
  await app.expectPending(0);

  const today = new Date().toISOString().slice(0, 10);
  await page.getByTestId('undo-last').click();
  await expect(app.feedback()).toHaveAttribute('data-kind', 'undone');
  await expect(here(page)).toHaveText('0');
  const admin = await adminApi(server.url);
  const onServer = async () => {
    const { presenceRecords } = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
    // Today's record (the seed holds past Sundays too): the one this device wrote.
    return presenceRecords.find(
      (r) => r.participantId === p.id && r.recordedAt.slice(0, 10) === today,
    );
  };
  // Set, then cleared: version 2 on the server, not a queued change deleted.
  await expect.poll(onServer, { timeout: 20_000 }).toMatchObject({ state: null, version: 2 });
  await app.expectPending(0);
});

async function noLayoutShift({ page }: { page: Page }) {
  const app = await openDoor(page);
  const y = async () => (await panel(page).boundingBox())!.y;
  const start = await y();
  await page.context().setOffline(true);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  expect(await y()).toBe(start);
  for (const [i, p] of people.slice(10, 15).entries()) {
    await thumb(page, p.personalCode);
    await expect(app.feedback()).toContainText(`${p.firstName} ${p.lastName}`);
    await app.expectPending(i + 1);
    expect(await y()).toBe(start);
  }
  await thumb(page, unknownCode());
  await expect(app.feedback()).toHaveAttribute('data-kind', 'wrong');
  expect(await y()).toBe(start);
  await expect(page.getByTestId('sync-status')).toContainText('Offline — 5 check-ins saved');
  await page.context().setOffline(false);
  await app.expectPending(0);
  await expect(page.getByTestId('sync-status')).toContainText('All saved');
  expect(await y()).toBe(start);
}

test('nothing moves while changes wait offline: the check-in panel keeps its place', noLayoutShift);

// The same door on a tablet in a stand (820×1180): the same feedback, and nothing moves either.
test.describe('on a tablet', () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });
  test('each outcome has its own kind, colour and vibration (tablet)', feedbackKinds);
  test('nothing moves while changes wait offline (tablet)', noLayoutShift);
});

test('the usher reads no "conflict" jargon; "last synced" survives a reload offline', async ({
  browser,
}) => {
  const disputed = rostered()[0]!;
  const devices = [];
  for (const email of ['usher1@demo.rollcall.test', 'usher2@demo.rollcall.test']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    devices.push({ context, page, app: await openDoor(page, email) });
  }
  for (const d of devices) await d.context.setOffline(true);
  await devices[0]!.app.setState(disputed.id, 'Present');
  await devices[1]!.app.setState(disputed.id, 'Absent');
  for (const d of devices) await d.context.setOffline(false);
  for (const d of devices) await d.app.expectPending(0);

  const { page } = devices[0]!;
  const status = page.getByTestId('sync-status');
  await expect(status).toContainText('An admin will check 1 of your entries', { timeout: 30_000 });
  await expect(page.getByTestId(`roster-${disputed.id}`)).toContainText('an admin will check');
  await expect(page.locator('body')).not.toContainText(/conflict|pending|oldest/i);
  await expect(status).toContainText('All saved');
  await expect(status).toContainText('Last synced');

  await devices[0]!.context.setOffline(true);
  await page.reload();
  // The URL keeps the session's check-in screen across an offline reload.
  await expect(page.getByRole('heading', { name: 'Sunday Service' })).toBeVisible();
  await expect(status).toHaveAttribute('data-state', 'offline');
  await expect(status).toContainText('Last synced');
  await expect(status).not.toContainText(/never|Not synced yet/);
  for (const d of devices) await d.context.close();
});

test('screens of the door at 390×844 (docs/screens)', async ({ page }) => {
  const app = await openDoor(page);
  const [a, b, c] = people.slice(20, 23) as [Participant, Participant, Participant];
  const shot = (name: string) => page.screenshot({ path: `${SCREENS}/${name}.png` });
  await thumb(page, a.personalCode);
  await expect(app.feedback()).toHaveAttribute('data-kind', 'ok');
  await app.expectPending(0);
  await shot('door-checked-in');
  await thumb(page, a.personalCode);
  await expect(app.feedback()).toHaveAttribute('data-kind', 'already');
  await shot('door-already-in');
  await thumb(page, unknownCode());
  await expect(app.feedback()).toHaveAttribute('data-kind', 'wrong');
  await shot('door-wrong-code');
  await codeBox(page).fill('');
  await page.context().setOffline(true);
  for (const p of [b, c]) {
    await thumb(page, p.personalCode);
    await expect(app.feedback()).toContainText(p.lastName);
  }
  await app.expectPending(2);
  await shot('door-offline-waiting');
});
