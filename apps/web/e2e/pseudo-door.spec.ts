// The door in the pseudo-locale, past its first look (pseudo-locale.spec.ts sees each screen only
// as it opens): the banner after each kind of scan, the roster's tags and confirmations, the
// quick-add sheet, the door turned to "Out", a locked station with its PIN panel, and the kiosk.
// Any word outside the ⟦brackets⟧ that is not the organization's data skipped a catalog. Only the
// screen itself (<main>) is read: the header and the sync bar belong to other features' specs.
import { expect, test, type Page } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { adminClient } from './support/admin-client.ts';
import { dataWords, hardCodedText } from './support/hard-coded-text.ts';
import { launchServer, type TestServer } from './support/server.ts';

const PIN = '4821';

let server: TestServer;
let data: string[];
let people: Participant[];

test.beforeAll(async () => {
  server = await launchServer();
  data = await dataWords(server.url);
  const admin = await adminClient(server.url);
  await admin.patch('/api/v1/organization', {
    stationPin: PIN,
    settings: { recordDepartures: true },
  });
  people = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=60')
  ).items.filter((p) => p.groupIds.length > 0 && p.active);
});
test.afterAll(async () => {
  await server?.dispose();
});

/** Words of `text` outside the brackets that are not the organization's data. */
function loose(text: string): string[] {
  let outside = text;
  while (/⟦[^⟦⟧]*⟧/.test(outside)) outside = outside.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  return (outside.match(/\p{L}{2,}/gu) ?? []).filter((w) => !data.includes(w.toLowerCase()));
}

/** Hard-coded words on the screen itself (the app's header and sync bar hidden). */
async function screenText(page: Page): Promise<string[]> {
  // Through the CSSOM: the app's CSP refuses an added <style>.
  const show = (hide: boolean) =>
    page.evaluate((hide) => {
      document.body.style.visibility = hide ? 'hidden' : '';
      for (const main of document.querySelectorAll('main'))
        main.style.visibility = hide ? 'visible' : '';
    }, hide);
  await show(true);
  const found = await hardCodedText(page, data);
  await show(false);
  return found;
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/?lang=pseudo`);
  await page.locator('input[type="email"]').fill('usher1@demo.rollcall.test');
  await page.locator('input[type="password"]').fill('rollcall-demo');
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.top-nav')).toBeVisible();
  await page.locator('main button', { hasText: 'Sunday Service' }).first().click();
  await expect(page.getByRole('heading', { name: 'Sunday Service' })).toBeVisible();
}

const code = (page: Page) => page.locator('input[inputmode="numeric"]');
const feedback = (page: Page) => page.getByTestId('feedback');

async function typeCode(page: Page, text: string, kind: string) {
  await code(page).fill(text);
  await page.locator('form.row button[type="submit"]').click();
  await expect(feedback(page)).toHaveAttribute('data-kind', kind);
}

test('the check-in screen after each kind of scan, the roster and the quick-add sheet', async ({
  page,
  context,
}) => {
  const [first, second, third] = people as [Participant, Participant, Participant];
  await signIn(page);
  expect(await screenText(page)).toEqual([]);

  // Offline, so the roster shows its "waiting" tags.
  await context.setOffline(true);
  await typeCode(page, first.personalCode, 'ok');
  expect(await screenText(page)).toEqual([]);
  await typeCode(page, first.personalCode, 'already');
  await expect(page.getByTestId('check-out-from-banner')).toBeVisible();
  expect(await screenText(page)).toEqual([]);
  await typeCode(page, '00000', 'wrong');
  await expect(feedback(page)).toContainText('00000');
  expect(await screenText(page)).toEqual([]);
  await typeCode(page, 'no-such-key', 'wrong');
  await expect(feedback(page)).toContainText('no-such-key');
  expect(await screenText(page)).toEqual([]);
  await typeCode(page, `x${'y'.repeat(60)}`, 'wrong');
  expect(await screenText(page)).toEqual([]);

  // Undo from the banner, then a name search showing someone already in.
  await typeCode(page, second.personalCode, 'ok');
  await page.getByTestId('undo-last').click();
  await expect(feedback(page)).toHaveAttribute('data-kind', 'undone');
  expect(await screenText(page)).toEqual([]);
  await page.locator('input[type="search"]').first().fill(first.lastName.slice(0, 3));
  await expect(page.getByTestId('already-in').first()).toBeVisible();
  expect(await screenText(page)).toEqual([]);
  await page.locator('input[type="search"]').first().fill('');

  // A roster tap, and a second tap on the same state asks before taking it back.
  const row = page.getByTestId(`roster-${third.id}`);
  await row.getByRole('group').getByRole('button').first().click();
  await expect(feedback(page)).toHaveAttribute('data-kind', 'ok');
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await row.getByRole('group').getByRole('button').first().click();
  await expect(feedback(page)).toHaveAttribute('data-kind', 'undone');
  expect(await screenText(page)).toEqual([]);

  // Check-out: from the roster, and with the door turned to "Out".
  await page.getByTestId(`roster-${first.id}`).locator('button.secondary').click();
  await expect(feedback(page)).toHaveAttribute('data-kind', 'left');
  await expect(page.getByTestId(`left-${first.id}`)).toBeVisible();
  await expect(page.getByTestId('left-count')).toBeVisible();
  expect(await screenText(page)).toEqual([]);
  await page.locator('.door-mode button').nth(1).click();
  await typeCode(page, third.personalCode, 'wrong');
  expect(await screenText(page)).toEqual([]);
  await typeCode(page, first.personalCode, 'already');
  expect(await screenText(page)).toEqual([]);
  await page.locator('.door-mode button').nth(0).click();

  // Someone not on the roster: the sheet, then the visitor's banner and their "guest" tag.
  await page.locator('button.wide').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await screenText(page)).toEqual([]);
  await page.getByRole('dialog').locator('input').first().fill('Zyx');
  await page.getByRole('dialog').locator('button[type="submit"]').click();
  await expect(feedback(page)).toHaveAttribute('data-kind', 'ok');
  await expect(page.locator('.roster-list .tag').first()).toBeVisible();
  expect(await screenText(page)).toEqual([]);

  // Mark all present: its question, then the banner with its Undo.
  await page.locator('.roster > .row button').click();
  await expect(page.locator('.roster .banner.info')).toBeVisible();
  expect(await screenText(page)).toEqual([]);
  expect(asked.length).toBe(2);
  expect(asked.flatMap(loose)).toEqual([]);
});

test('a locked station, its PIN panel, and the kiosk', async ({ page }) => {
  const [person] = people as [Participant];
  await signIn(page);
  const links = page.locator('.screen-head .row button.link');
  await links.nth(1).click(); // lock as a station
  await expect(page.locator('.screen-head .tag')).toBeVisible();
  expect(await screenText(page)).toEqual([]);
  await page.locator('.screen-head .row button.link').click(); // unlock
  await page.locator('.unlock-panel input').fill('1111');
  await page.locator('.unlock-panel button[type="submit"]').click();
  await expect(page.locator('.unlock-panel [role="alert"]')).toBeVisible();
  expect(await screenText(page)).toEqual([]);
  await expect(page.locator('.unlock-panel button[type="submit"]')).toBeEnabled();
  await page.locator('.unlock-panel input').fill(PIN);
  await page.locator('.unlock-panel button[type="submit"]').click();
  await expect(page.locator('.unlock-panel')).toHaveCount(0);

  await links.nth(2).click(); // start the kiosk
  const message = page.getByTestId('kiosk-message');
  await expect(message).toHaveAttribute('data-kind', 'idle');
  expect(await screenText(page)).toEqual([]);
  await code(page).fill('00000');
  await page.locator('form.row button[type="submit"]').click();
  await expect(message).toHaveAttribute('data-kind', 'wrong');
  expect(await screenText(page)).toEqual([]);
  await code(page).fill(person.personalCode);
  await expect(message).toHaveAttribute('data-kind', /ok|already/);
  await expect(message).toContainText(person.preferredName || person.firstName);
  expect(await screenText(page)).toEqual([]);
  await page.locator('.kiosk-staff button').click();
  await expect(page.locator('.unlock-panel')).toBeVisible();
  expect(await screenText(page)).toEqual([]);
});
