// The admin's side on a phone (390×844): the conflict queue reads in words ("Keep Ana's (Front
// door, 9:02)", state labels, how each version was recorded), a manager gets read-only cards, and
// neither the conflicts nor the sync history scroll sideways.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { formatHlc, hlcTick } from '@rollcall/conflict';
import { PROTOCOL_VERSION, uuidv7, type PullResponse } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

const PHONE = { width: 390, height: 844 };
let server: TestServer;

/** An usher's device speaking the protocol directly, named as an admin would see it. */
async function usherDevice(email: string, deviceName: string) {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'rollcall-demo', deviceName }),
  });
  const body = (await res.json()) as { credentials: { accessToken: string }; deviceId: string };
  let seq = 0;
  let hlc: ReturnType<typeof hlcTick> | null = null;
  return async (
    at: number,
    sessionId: string,
    participantId: string,
    state: string,
    method: string,
  ) => {
    hlc = hlcTick(hlc, at, body.deviceId.slice(-12));
    const change = {
      changeId: uuidv7(at),
      deviceSeq: ++seq,
      kind: 'presence.set',
      sessionId,
      participantId,
      state,
      method,
      recordedAt: new Date(at).toISOString(),
      hlc: formatHlc(hlc),
      baseVersion: 0,
    };
    const r = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${body.credentials.accessToken}`,
      },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, changes: [change] }),
    });
    expect(r.status).toBe(200);
  };
}

test.beforeAll(async () => {
  server = await launchServer();
  const admin = await adminApi(server.url);
  const pull = await admin.get<PullResponse>('/api/v1/sync/pull?limit=10000');
  const session = pull.sessions.find((s) => s.name === 'Sunday Service')!;
  const people = pull.participants.slice(0, 2);
  const ana = await usherDevice('usher1@demo.rollcall.test', 'Front door');
  const ben = await usherDevice('usher2@demo.rollcall.test', 'Side door');
  const at = Date.now() - 10 * 60_000;
  for (const p of people) {
    await ana(at, session.id, p.id, 'present', 'qr');
    await ben(at + 60_000, session.id, p.id, 'absent', 'manual');
  }
});
test.afterAll(async () => {
  await server?.dispose();
});

async function phone(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: PHONE });
  const app = new AppPage(await context.newPage(), server.url);
  await app.login(email);
  return { context, page: app.page };
}

const noSidewaysScroll = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
    .toBe(true);

async function openScreen(page: Page, name: RegExp) {
  // On a phone the navigation's links sit behind its Menu button.
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  const toggle = page.getByRole('button', { name: /^Menu/ });
  if (!(await link.isVisible()) && (await toggle.isVisible())) await toggle.click();
  await link.click();
}

test('an admin on a phone reads each conflict in words and resolves by naming the usher', async ({
  browser,
}) => {
  const { context, page } = await phone(browser, 'admin@demo.rollcall.test');
  await openScreen(page, /Conflicts/);
  await expect(page.getByRole('heading', { name: /Conflicts/ })).toContainText('2 open');
  const card = page.getByRole('listitem', { name: /^Conflict for / }).first();
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByText(`Times are in ${zone}.`)).toBeVisible();
  // Labels, not codes: the organization's state names and how each version was recorded.
  await expect(card.locator('.version .state')).toHaveText(['Present', 'Absent']);
  // (The explanation above the versions names the methods too: look in the versions.)
  await expect(card.locator('.version').getByText('QR scan')).toBeVisible();
  await expect(card.locator('.version').getByText('roster')).toBeVisible();
  // The server time is filled in, not a dash.
  const serverTimes = card.locator('dt:text-is("Reached the server") + dd');
  await expect(serverTimes).toHaveCount(2);
  for (const t of await serverTimes.allTextContents()) expect(t).not.toBe('—');
  const keepAna = card.getByRole('button', { name: /^Keep Ana's \(Front door, .+\)$/ });
  await expect(keepAna).toBeVisible();
  await expect(card.getByRole('button', { name: /^Keep Ben's \(Side door, .+\)$/ })).toBeVisible();
  await noSidewaysScroll(page);
  await keepAna.click();
  await expect(page.getByRole('heading', { name: /Conflicts/ })).toContainText('1 open');
  await context.close();
});

test('a manager on a phone sees read-only conflict cards: no resolve buttons that would fail', async ({
  browser,
}) => {
  const { context, page } = await phone(browser, 'manager@demo.rollcall.test');
  await openScreen(page, /Conflicts/);
  const card = page.getByRole('listitem', { name: /^Conflict for / }).first();
  await expect(card.getByText('Only an admin can resolve conflicts.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Keep / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Select all/ })).toHaveCount(0);
  await expect(card.getByRole('checkbox')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Set' })).toHaveCount(0);
  await noSidewaysScroll(page);
  await context.close();
});

test('the sync history is one card per push on a phone, with nothing scrolling sideways', async ({
  browser,
}) => {
  const { context, page } = await phone(browser, 'admin@demo.rollcall.test');
  await openScreen(page, /Sync history/);
  const row = page.locator('[data-history]').first();
  await expect(row).toBeVisible();
  await expect(row.getByText('Device · usher')).toHaveCount(0); // labels are CSS, not text…
  await expect(row.locator('td[data-label="Rejected"]')).toBeVisible(); // …but every cell shows
  await noSidewaysScroll(page);
  await context.close();
});
