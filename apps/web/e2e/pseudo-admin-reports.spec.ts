// The admin's working screens in the pseudo-locale beyond how they first open: a conflict card (made
// by two offline ushers) with its earlier resolutions, the bulk panel and its preview, a resolved
// card; the new-session and edit-session forms; every report with data (today's service after
// check-ins) and the trends chart; an excuse submitted and its form; a sync's detail with a
// rejected change. Each check
// reads only the screen itself (<main>): the header, the sync bar and the notifications have their
// own specs.
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { dataWords, hardCodedText } from './support/hard-coded-text.ts';
import { adminApi, launchServer, usherDevice, type TestServer } from './support/server.ts';

let server: TestServer;
let data: string[];
let sundayId: string;

async function device(browser: Browser, email: string) {
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage(), server.url);
  await app.login(email);
  return { context, app };
}

test.beforeAll(async ({ browser }) => {
  // Two browsers sign in and sync before any check: more than one test's time on a busy machine.
  test.setTimeout(240_000);
  server = await launchServer();
  const api = await adminApi(server.url);
  const sessions = await api.get<{ items: { id: string; name: string }[] }>('/api/v1/sessions');
  sundayId = sessions.items.findLast((s) => s.name === 'Sunday Service')!.id;
  // Two ushers offline mark the same two people differently: two conflicts, and records for the
  // report and the live page.
  const people = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=50')).items
    .filter((p) => p.groupIds.length > 0)
    .slice(0, 2);
  const ushers = [
    await device(browser, 'usher1@demo.rollcall.test'),
    await device(browser, 'usher2@demo.rollcall.test'),
  ];
  for (const u of ushers) {
    await u.app.openSession();
    await u.context.setOffline(true);
  }
  for (const p of people) {
    await ushers[0]!.app.setState(p.id, 'Present');
    await ushers[1]!.app.setState(p.id, 'Absent');
  }
  for (const u of ushers) await u.context.setOffline(false);
  for (const u of ushers) await u.app.expectPending(0);
  await expect
    .poll(async () => (await api.get<{ total: number }>('/api/v1/conflicts?status=open')).total)
    .toBe(2);
  for (const u of ushers) await u.context.close();
  data = await dataWords(server.url);
});
test.afterAll(async () => {
  await server?.dispose();
});

async function signIn(page: Page, path: string) {
  await page.goto(`${server.url}/?lang=pseudo`);
  await page.locator('input[type="email"]').fill('admin@demo.rollcall.test');
  await page.locator('input[type="password"]').fill('rollcall-demo');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.top-nav')).toBeVisible();
  await page.goto(`${server.url}${path}`);
  await expect(page.locator('main h1').first()).toBeVisible();
}

/**
 * Words on the screen (<main>) that skipped a catalog: everything outside it is hidden first. A
 * translated word inside a translated sentence ("Resolved: ⟦Absent⟧ by …") is bracketed twice;
 * hard-coded-text.ts reads brackets flat, so the inner pairs are taken out first (and put back).
 */
async function screenText(page: Page) {
  await page.evaluate(() => {
    const flat = (s: string) => {
      let out = s;
      while (/⟦[^⟦⟧]*⟦/.test(out)) out = out.replace(/(⟦[^⟦⟧]*)⟦[^⟦⟧]*⟧/g, '$1');
      return out;
    };
    const main = document.querySelector('main')!;
    for (const el of document.body.querySelectorAll<HTMLElement>('*'))
      if (!el.contains(main) && !main.contains(el)) el.style.visibility = 'hidden';
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text & { kept?: string };
      if (node.data.includes('⟦')) {
        node.kept = node.data;
        node.data = flat(node.data);
      }
    }
    for (const el of main.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]'))
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v?.includes('⟦')) {
          el.dataset[`kept${attr.replace('-', '')}`] = v;
          el.setAttribute(attr, flat(v));
        }
      }
  });
  const found = await hardCodedText(page, data);
  await page.evaluate(() => {
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      el.style.removeProperty('visibility');
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const key = `kept${attr.replace('-', '')}`;
        const kept = el.dataset[key];
        if (kept !== undefined) {
          el.setAttribute(attr, kept);
          delete el.dataset[key];
        }
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text & { kept?: string };
      if (node.kept !== undefined) node.data = node.kept;
    }
  });
  return found;
}

test('conflicts: a card, its earlier resolutions, the bulk preview and a resolved card', async ({
  page,
}) => {
  await signIn(page, '/admin/conflicts');
  const cards = page.locator('[data-testid^="conflict-"]');
  await expect(cards).toHaveCount(2);
  // The card's own words: versions, methods, states, the explanation, the keep buttons.
  await expect(cards.first().getByRole('button', { name: /^⟦Ķéép .+⟧$/ })).toHaveCount(2);
  await cards.first().locator('button.link').click();
  await expect(cards.first().locator('p.muted').last()).toContainText('⟦');
  await cards.first().getByRole('checkbox').check();
  await page.locator('section.bulk').getByRole('button').click();
  await expect(page.locator('section.bulk [role="region"]')).toBeVisible();
  expect(await screenText(page)).toEqual([]);

  await page.locator('section.bulk [role="region"] button.primary').click();
  await expect(cards).toHaveCount(1);
  await page.locator('form.filters select').first().selectOption('resolved');
  await expect(page.locator('p.resolved')).toHaveCount(1);
  expect(await screenText(page)).toEqual([]);
});

test('live: today’s service with check-ins, states and devices', async ({ page }) => {
  await signIn(page, `/admin/live/${sundayId}`);
  await expect(page.getByTestId('live-latest').locator('li')).not.toHaveCount(0);
  expect(await screenText(page)).toEqual([]);
});

test('schedule: the new-session form and a session’s edit form', async ({ page }) => {
  await signIn(page, '/admin/schedule');
  await expect(page.locator('form.card').first()).toBeVisible(); // new session
  await page.locator(`[data-testid="session-${sundayId}"] td.actions button`).first().click();
  await expect(page.locator('form.card')).toHaveCount(2);
  expect(await screenText(page)).toEqual([]);
});

test('reports: every report with today’s data, and the trends chart', async ({ page }) => {
  await signIn(page, '/admin/reports');
  await expect(page.locator('figure.chart svg')).toBeVisible();
  await page.locator('figure.chart details summary').click();
  expect(await screenText(page)).toEqual([]);
  const kind = page.locator('form.filters select').first();
  for (const report of ['attendance', 'absentees', 'drifting', 'usher-activity']) {
    await kind.selectOption(report);
    if (report !== 'drifting')
      await page
        .locator('form.filters select')
        .nth(1)
        .selectOption(report === 'usher-activity' ? '' : sundayId);
    await expect(page.locator('main section').last()).not.toBeEmpty();
    await expect(page.locator('main section table, main section p').first()).toBeVisible();
    expect(await screenText(page), report).toEqual([]);
  }
  await kind.selectOption('attendance');
  await page.locator('form.filters select').nth(1).selectOption(sundayId);
  await expect(page.locator('main .state-counts li')).not.toHaveCount(0);
  expect(await screenText(page)).toEqual([]);
});

test('excuses: the form and a submitted excuse', async ({ page }) => {
  await signIn(page, '/admin/excuses');
  const form = page.locator('form.card');
  await form.locator('input[name="reason"]').fill('Hospital visit');
  await form.locator('button[type="submit"]').click();
  await expect(page.locator('ul.plain-list li.card')).toHaveCount(1);
  expect(await screenText(page)).toEqual([]);
  // An empty list says so in words too.
  await page.locator('main select').first().selectOption('rejected');
  await expect(page.locator('ul.plain-list li.card')).toHaveCount(0);
  expect(await screenText(page)).toEqual([]);
});

test('history: a sync opened, with its rejected change', async ({ page }) => {
  // A state the organization does not have: the server refuses it with a code and its English.
  const api = await adminApi(server.url);
  const [person] = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=1')).items;
  const push = await usherDevice(server.url, 'usher1@demo.rollcall.test');
  expect(await push(sundayId, person!.id, 'asleep')).toMatchObject({ code: 'unknown_state' });
  await signIn(page, '/admin/history');
  // Newest first: the push just made.
  await page.locator('tbody tr button.link').first().click();
  await expect(page.locator('td.detail .rejection')).toContainText('⟦');
  expect(await screenText(page)).toEqual([]);
});
