// Reports in the browser: the weekly trends chart reflects check-ins made by an usher's device,
// the attendance report lists them, and the PDF downloads (trends, the session's attendance
// sheet) are real PDFs, parsed here, that say the same.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { pdfText } from '@rollcall/sync-server/pdf-text';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

/** Clicks a download button and returns the saved file. */
async function downloadBy(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** A PDF, checked to be one, as its text. */
async function pdfOf(file: { bytes: Buffer }) {
  expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await pdfText(file.bytes);
  expect(text.pages.length).toBeGreaterThanOrEqual(1);
  return text;
}

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('the trends chart and the attendance report show what ushers recorded', async ({
  browser,
}) => {
  const api = await adminApi(server.url);
  const everyone = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200'))
    .items;
  const groupId = everyone.find((p) => p.groupIds.length > 0)!.groupIds[0]!;
  // Three new members: the demo's history has seen everyone else, and these must count as first-time.
  const members: Participant[] = [];
  for (const firstName of ['Nadia', 'Tobi', 'Ines']) {
    const res = await fetch(`${server.url}/api/v1/participants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName, lastName: 'Newcomer', groupIds: [groupId] }),
    });
    expect(res.status).toBe(201);
    members.push((await res.json()) as Participant);
  }
  // A session of that group which started half an hour ago (reports cover what has happened).
  const start = Date.now() - 30 * 60_000;
  const created = await fetch(`${server.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Morning class',
      scheduledStart: new Date(start).toISOString(),
      scheduledEnd: new Date(start + 3600_000).toISOString(),
      status: 'active',
      groupIds: [groupId],
    }),
  });
  expect(created.status).toBe(201);
  const sessionId = ((await created.json()) as { id: string }).id;
  const usherContext = await browser.newContext();
  const usher = new AppPage(await usherContext.newPage(), server.url);
  await usher.login('usher1@demo.rollcall.test');
  await usher.openSession('Morning class');
  for (const p of members) {
    await usher.checkInByCode(p.personalCode);
    await expect(usher.feedback()).toContainText(p.firstName);
  }
  await usher.expectPending(0);

  const context = await browser.newContext();
  const admin = new AppPage(await context.newPage(), server.url);
  await admin.login('admin@demo.rollcall.test');
  await admin.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports' })
    .click();
  const chart = admin.page.getByRole('img', { name: /Weekly attendance over \d+ weeks/ });
  // The whole organization's chart first (the default), then the chosen group's.
  await expect(chart).toBeVisible();
  await admin.page.getByLabel('Group').selectOption(groupId);
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /3 attendees, 3 first-time/);
  await admin.page.getByText('Numbers').click();
  await expect(admin.page.getByRole('table')).toContainText('3');
  const trendsPdf = await downloadBy(admin.page, 'Download PDF');
  // Named by what it covers: the group and the dates.
  expect(trendsPdf.name).toMatch(
    /^rollcall-trends-[a-z0-9-]+-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.pdf$/,
  );
  const trends = await pdfOf(trendsPdf);
  expect(trends.pages[0]).toEqual(
    expect.arrayContaining([
      'Weekly trends',
      'Attendees | Rate',
      'Returning | First-time | Attendance rate',
    ]),
  );

  await admin.page.getByRole('combobox', { name: /^Report/ }).selectOption('attendance');
  const report = admin.page.getByRole('region', { name: 'Attendance' });
  for (const p of members) await expect(report).toContainText(`${p.firstName} ${p.lastName}`);
  expect((await downloadBy(admin.page, 'Download CSV')).name).toMatch(
    /^rollcall-attendance-[a-z0-9-]+-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/,
  );

  // One session: its PDF is the printable attendance sheet.
  await admin.page.getByLabel('Session').selectOption(sessionId);
  for (const p of members) await expect(report).toContainText(`${p.firstName} ${p.lastName}`);
  const sheetPdf = await downloadBy(admin.page, 'Download PDF');
  expect(sheetPdf.name).toMatch(/^rollcall-attendance-morning-class-\d{4}-\d\d-\d\d\.pdf$/);
  const sheet = await pdfOf(sheetPdf);
  expect(sheet.pages[0]).toContain('Attendance sheet');
  expect(sheet.text).toContain('Morning class');
  // One headline: "Attended" is the present states beside it, and the table says the same words.
  const totals = report.getByRole('region', { name: 'Totals' });
  await expect(totals.locator('.huge')).toHaveText('3');
  const counts = Object.fromEntries(
    (await totals.getByRole('listitem').allInnerTexts()).map((t) => {
      const m = /^(.*?)\s+(\d+)$/.exec(t.trim());
      return [m?.[1] ?? t, Number(m?.[2])];
    }),
  );
  expect((counts['Present'] ?? 0) + (counts['Late'] ?? 0)).toBe(3);
  const people = report.getByRole('table').last();
  const stateCells = await people.locator('tbody tr td:nth-child(3)').allInnerTexts();
  const inTable = (word: string) => stateCells.filter((c) => c === word).length;
  expect(inTable('Present') + inTable('Late')).toBe(3);
  expect(inTable('No record')).toBe(counts['No record']);
  expect(stateCells).not.toContain('missing');
  // Checked in half an hour after the start: present or late, by the organization's late rule;
  // the time alone, or with its day when the session began before midnight (a run at 23:40).
  for (const p of members)
    expect(sheet.text).toMatch(
      new RegExp(
        `\\| ${p.firstName} ${p.lastName} \\| .+ \\| (Present|Late) \\| (\\d\\d-\\d\\d )?\\d\\d:\\d\\d \\| code`,
      ),
    );
  // A range with nothing in it says so instead of drawing empty axes.
  await admin.page.getByRole('combobox', { name: /^Report/ }).selectOption('trends');
  await admin.page.getByLabel('From').fill('2020-01-01');
  await admin.page.getByLabel('To').fill('2020-01-31');
  await expect(admin.page.getByText('No attendance recorded yet.')).toBeVisible();
  await expect(chart).toHaveCount(0);
  await usherContext.close();
  await context.close();
});
