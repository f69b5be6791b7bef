// Issue 10 item 4: a USB/Bluetooth barcode scanner types a code fast and ends with Enter. Every such
// burst is a scan wherever the focus is (the search box, the roster filter, the code box, nowhere),
// a slow scanner (up to ~100 ms between keys) is still one scan, a busy device loses none, and a
// burst that matches no one says so instead of vanishing.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { formatBadgePayload, type Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
let people: Participant[];
let organizationId: string;

// A server per test: each starts from an empty session (what one test syncs, the next would pull).
test.beforeEach(async () => {
  server = await launchServer();
  const admin = await adminApi(server.url);
  organizationId = admin.organizationId;
  people = (await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=60')).items;
});
test.afterEach(async () => {
  await server?.dispose();
});

test.beforeEach(async ({ page }) => {
  // Every keydown's time as the browser stamped it: the gaps the test really produced.
  await page.addInitScript(() => {
    const w = window as unknown as { keyTimes: number[] };
    w.keyTimes = [];
    addEventListener('keydown', (e) => w.keyTimes.push(e.timeStamp), true);
  });
});

const cdpOf = new WeakMap<Page, CDPSession>();
const ENTER = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' };

/**
 * Types `text` then Enter like a USB scanner: a key every `gapMs`, each stamped with the time the
 * device pressed it (as the OS does), sent on that clock whether or not the page has handled the
 * last one. With `viaKeyboard`, Playwright's own keyboard types it flat out instead (it waits for
 * the page to handle each key, so on a busy page its keys are stamped late, like a remote keyboard).
 * Returns the largest gap between keys as the page stamped them.
 */
/** `pause`: one longer stall before key `at` (a busy device holding a scanner's burst back). */
async function scan(
  page: Page,
  text: string,
  gapMs: number,
  viaKeyboard = false,
  pause: { at: number; ms: number } | null = null,
) {
  const times = () => page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
  const from = (await times()).length;
  if (viaKeyboard) {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  } else {
    if (!cdpOf.has(page)) cdpOf.set(page, await page.context().newCDPSession(page));
    const cdp = cdpOf.get(page)!;
    const keys = [...[...text].map((ch) => ({ key: ch, text: ch })), ENTER];
    const sent: Promise<unknown>[] = [];
    const start = Date.now() + 20;
    for (const [i, key] of keys.entries()) {
      const at = start + i * gapMs + (pause && i >= pause.at ? pause.ms : 0);
      const wait = at - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const timestamp = at / 1000;
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, timestamp }));
      sent.push(
        cdp.send('Input.dispatchKeyEvent', {
          type: 'keyUp',
          key: key.key,
          timestamp: timestamp + Math.min(gapMs, 30) / 3000,
        }),
      );
    }
    await Promise.all(sent);
  }
  const stamped = (await times()).slice(from);
  return Math.max(...stamped.slice(1).map((t, i) => t - stamped[i]!));
}

const here = (page: Page) => page.getByTestId('headcount').locator('strong');
const searchBox = (page: Page) => page.getByLabel('Search by name');
const rosterFilter = (page: Page) => page.getByLabel('Filter the roster');
const codeBox = (page: Page) => page.getByLabel('Personal code or key');
const blur = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

async function openDoor(page: Page) {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.openSession();
  await expect(here(page)).toHaveText('0');
  return app;
}

test('a scan while the search box has focus is a scan, and leaves the box as it was', async ({
  page,
}) => {
  const app = await openDoor(page);
  const [a, b] = people as [Participant, Participant];
  await searchBox(page).click();
  await page.keyboard.type(a.firstName.slice(0, 2), { delay: 150 });
  await page.waitForTimeout(500);
  await scan(page, a.personalCode, 10);
  await expect(app.feedback()).toContainText(`${a.firstName} ${a.lastName}`);
  await expect(here(page)).toHaveText('1');
  await expect(searchBox(page)).toHaveValue(a.firstName.slice(0, 2));
  await expect(page.getByRole('list', { name: 'Matching people' })).toBeVisible();

  // A badge scanned into the roster filter: recorded, and the filter is not left holding it.
  await rosterFilter(page).click();
  await scan(page, formatBadgePayload(organizationId, b.qrToken), 0, true);
  await expect(app.feedback()).toContainText(`${b.firstName} ${b.lastName}`);
  await expect(here(page)).toHaveText('2');
  await expect(rosterFilter(page)).toHaveValue('');
});

test('a badge split by a stall (a busy device) is still one scan, in the search box or the code box', async ({
  page,
}) => {
  const app = await openDoor(page);
  const [, , , , , f, g] = people;
  for (const [p, box, n] of [
    [f, searchBox(page), '1'],
    [g, codeBox(page), '2'],
  ] as const) {
    if (!p) throw new Error('the demo has too few people');
    await box.click();
    const badge = formatBadgePayload(organizationId, p.qrToken);
    // 400 ms in the middle: the burst's second half looks like a new burst.
    await scan(page, badge, 10, false, { at: Math.floor(badge.length / 2), ms: 400 });
    await expect(app.feedback()).toContainText(`${p.firstName} ${p.lastName}`);
    await expect(app.feedback()).toContainText('Checked in');
    await expect(here(page)).toHaveText(n);
    await expect(box).toHaveValue('');
  }
});

test('a scan into the code box records once, not once by the scanner and once by the form', async ({
  page,
}) => {
  const app = await openDoor(page);
  const c = people[2]!;
  await codeBox(page).click();
  await scan(page, c.externalKey!, 10);
  await expect(app.feedback()).toContainText(`${c.firstName} ${c.lastName}`);
  await expect(app.feedback()).toContainText('Checked in');
  await expect(here(page)).toHaveText('1');
  await app.expectPending(1);
  await expect(codeBox(page)).toHaveValue('');
  await expect(app.feedback()).not.toContainText('already');
});

test('a slow scanner, 90 ms between keys, is one scan', async ({ page }) => {
  const app = await openDoor(page);
  const d = people[3]!;
  await blur(page);
  const gap = await scan(page, d.personalCode, 90);
  expect(Math.round(gap)).toBe(90);
  await expect(app.feedback()).toContainText(`${d.firstName} ${d.lastName}`);
  await expect(here(page)).toHaveText('1');
});

test('a burst that matches no one says "unknown code", with or without focus', async ({ page }) => {
  const app = await openDoor(page);
  await searchBox(page).click();
  await scan(page, 'QK-55501', 10);
  await expect(app.feedback()).toContainText('QK-55501');
  await expect(app.feedback()).toContainText('Unknown code');
  await expect(searchBox(page)).toHaveValue('');

  await blur(page);
  await scan(page, 'ZX-90817', 10);
  await expect(app.feedback()).toContainText('Unknown code');
  await expect(app.feedback()).toContainText('ZX-90817');
  await expect(here(page)).toHaveText('0');
});

test('typing a name by hand in the search box is left alone', async ({ page }) => {
  const app = await openDoor(page);
  const e = people[4]!;
  await searchBox(page).click();
  await page.keyboard.type(e.lastName, { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(searchBox(page)).toHaveValue(e.lastName);
  await expect(page.getByRole('list', { name: 'Matching people' })).toBeVisible();
  await expect(here(page)).toHaveText('0');
  await expect(app.feedback()).not.toContainText('Unknown code');
});

test('on a busy device (CPU throttled 4×), 20 bursts at mixed speeds and focus are all recorded', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openDoor(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const focus = [
    () => searchBox(page).click(),
    () => blur(page),
    () => rosterFilter(page).click(),
    () => codeBox(page).click(),
  ];
  // Playwright's keyboard flat out, then a key every 20, 60 and 95 ms by the clock.
  const speeds = [0, 20, 60, 95];
  const gaps: number[] = [];
  for (let i = 0; i < 20; i++) {
    const p = people[10 + i]!;
    await focus[i % 4]!();
    const text =
      i % 3 === 0
        ? formatBadgePayload(organizationId, p.qrToken)
        : i % 3 === 1
          ? p.personalCode
          : p.externalKey!;
    const speed = speeds[(i >> 2) % 4]!;
    const gap = await scan(page, text, speed, speed === 0);
    if (speed > 0) gaps.push(gap);
  }
  await expect(here(page)).toHaveText('20', { timeout: 60_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // The scanner's bursts were what they claim (the test measures what it produced).
  expect(Math.round(Math.max(...gaps))).toBe(95);
  for (const box of [searchBox(page), rosterFilter(page), codeBox(page)])
    await expect(box).toHaveValue('');
});
