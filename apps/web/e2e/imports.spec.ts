// Importing participants through the UI: errors per row before anything is written, then an
// all-or-nothing import with progress, and a re-import that changes nothing.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
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

const file = (rows: string[]) => ({
  name: 'people.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`Surname,Given name,Code,Key,Groups\r\n${rows.join('\r\n')}\r\n`),
});

// This file's headers are not the template's: each column is matched by hand.
async function mapColumns(panel: Locator) {
  const map = {
    'first name': 'Given name',
    'last name': 'Surname',
    'personal code': 'Code',
    'external key': 'Key',
    groups: 'Groups',
  };
  for (const [field, column] of Object.entries(map))
    await panel.getByRole('combobox', { name: field }).selectOption({ label: column });
}

test('an admin imports a CSV: sees each bad row, fixes it, imports, and a second import changes nothing', async ({
  page,
}) => {
  const api = await adminApi(server.url);
  const before = (await api.get<{ total: number }>('/api/v1/participants?limit=1')).total;
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Participants' })
    .click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const panel = page.getByRole('region', { name: 'Import participants' });
  const chooser = panel.getByLabel('CSV file');

  await chooser.setInputFiles(
    file([
      'Mensah,Ama,00001,IMP-1,Choir',
      'Asante,,00002,IMP-2,Choir',
      'Owusu,Kofi,12x45,IMP-3,Chess club',
    ]),
  );
  await expect(panel).toContainText('3 rows');
  await mapColumns(panel);
  await panel.getByRole('button', { name: 'Check the rows' }).click();
  const result = panel.getByRole('region', { name: 'Check result' });
  await expect(result).toContainText('3 problems');
  const problems = result.getByRole('row');
  await expect(problems.filter({ hasText: 'First name' })).toContainText('2');
  await expect(problems.filter({ hasText: 'Personal code' })).toContainText(
    '"12x45" is not 5 digits',
  );
  await expect(problems.filter({ hasText: 'Groups' })).toContainText(
    'no group is called "Chess club"',
  );
  await expect(panel.getByRole('button', { name: /^Import \d+ rows/ })).toBeDisabled();

  const fixed = file([
    'Mensah,Ama,00001,IMP-1,Choir',
    'Asante,Yaw,00002,IMP-2,Choir',
    'Owusu,Kofi,12345,IMP-3,Choir',
  ]);
  await chooser.setInputFiles(fixed);
  await mapColumns(panel);
  await panel.getByRole('button', { name: 'Check the rows' }).click();
  await expect(result).toContainText('ready to import');
  await panel.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported: 3 new, 0 updated, 0 unchanged');
  await expect(panel.getByRole('progressbar', { name: 'Done' })).toBeVisible();
  expect((await api.get<{ total: number }>('/api/v1/participants?limit=1')).total).toBe(before + 3);
  const ama = (await api.get<{ items: Participant[] }>('/api/v1/participants?q=IMP-1')).items;
  expect(ama).toMatchObject([{ firstName: 'Ama', lastName: 'Mensah', personalCode: '00001' }]);

  await panel.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported: 0 new, 0 updated, 3 unchanged');
  expect((await api.get<{ total: number }>('/api/v1/participants?limit=1')).total).toBe(before + 3);

  // Someone else's code under another name is a problem the check shows, never a rename.
  await chooser.setInputFiles(file(['Boateng,Efua,00002,,Choir']));
  await mapColumns(panel);
  await panel.getByRole('button', { name: 'Check the rows' }).click();
  await expect(result).toContainText('0 new, 0 to update, 0 unchanged; 1 problem —');
  await expect(result.getByRole('row').filter({ hasText: 'Personal code' })).toContainText(
    'personal code 00002 belongs to Yaw Asante',
  );
  await expect(panel.getByRole('button', { name: 'Import 1 row' })).toBeDisabled();
  const yaw = (await api.get<{ items: Participant[] }>('/api/v1/participants?q=IMP-2')).items;
  expect(yaw).toMatchObject([{ firstName: 'Yaw', lastName: 'Asante' }]);
});

test('an admin imports past attendance: a session from the file is created and the report counts it', async ({
  page,
}) => {
  const api = await adminApi(server.url);
  const people = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=3')).items;
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await page.getByRole('button', { name: 'Import past attendance' }).click();
  const panel = page.getByRole('region', { name: 'Import past attendance' });
  const csv = (state: string) => ({
    name: 'register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'session_name,session_date,session_time,personal_code,state',
        ...people.map(
          (p, i) =>
            `Choir Practice,2026-01-07,19:00,${p.personalCode},${i === 2 ? state : 'present'}`,
        ),
      ].join('\r\n'),
    ),
  });

  await panel.getByLabel('CSV file').setInputFiles(csv('dozing'));
  await panel.getByRole('button', { name: 'Check the rows' }).click();
  const result = panel.getByRole('region', { name: 'Check result' });
  await expect(result.getByRole('row').filter({ hasText: 'state' })).toContainText(
    '"dozing" is not a presence state here',
  );
  await expect(panel.getByRole('button', { name: 'Import 3 rows' })).toBeDisabled();

  await panel.getByLabel('CSV file').setInputFiles(csv('late'));
  await panel.getByRole('button', { name: 'Check the rows' }).click();
  await expect(result).toContainText(
    '1 session to create, 3 new, 0 to update, 0 unchanged — ready to import',
  );
  await panel.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported: 1 session created, 3 new');

  const sessions = await api.get<{ items: { id: string; name: string }[] }>(
    '/api/v1/sessions?from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z',
  );
  const practice = sessions.items.find((s) => s.name === 'Choir Practice')!;
  const report = await api.get<{ totals: { byState: { state: string; count: number }[] } }>(
    `/api/v1/reports/attendance?sessionId=${practice.id}`,
  );
  expect(Object.fromEntries(report.totals.byState.map((s) => [s.state, s.count]))).toMatchObject({
    present: 2,
    late: 1,
  });
});

test('a semicolon-separated Windows-1252 export with French headers maps itself and imports', async ({
  page,
}) => {
  const api = await adminApi(server.url);
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Participants' })
    .click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const panel = page.getByRole('region', { name: 'Import participants' });
  const chooser = panel.getByLabel('CSV file');

  // What Excel on a French Windows writes for "CSV (séparateur: point-virgule)".
  const text = [
    'Prénom;Nom;Code personnel;Téléphone;Groupe',
    'Zoé;Lefèvre;00061;06 12 34 56 78;Choir',
    'Hélène;Dupré;00062;;Choir',
  ].join('\r\n');
  await chooser.setInputFiles({
    name: 'export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'latin1'),
  });
  await expect(panel).toContainText('2 rows');
  await expect(panel.getByRole('combobox', { name: 'First name' })).toHaveValue('0');
  await expect(panel.getByRole('combobox', { name: 'Last name' })).toHaveValue('1');
  await expect(panel.getByRole('combobox', { name: 'Guardian phone' })).toHaveValue('3');
  await expect(panel.getByTestId('sample-first_name')).toHaveText('e.g. Zoé, Hélène');
  await expect(panel.getByTestId('sample-last_name')).toHaveText('e.g. Lefèvre, Dupré');

  // Without a first name no row can pass: the check waits until that column is matched.
  const check = panel.getByRole('button', { name: 'Check the rows' });
  await panel.getByRole('combobox', { name: 'First name' }).selectOption('— not in the file —');
  await expect(check).toBeDisabled();
  await expect(check).toHaveAccessibleDescription(
    'Before checking, match a column to: First name.',
  );
  await panel.getByRole('combobox', { name: 'First name' }).selectOption({ label: 'Prénom' });
  await check.click();
  await expect(panel.getByRole('region', { name: 'Check result' })).toContainText(
    '2 new, 0 to update, 0 unchanged — ready to import',
  );
  await panel.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported: 2 new');
  const zoe = (await api.get<{ items: Participant[] }>('/api/v1/participants?q=00061')).items;
  expect(zoe).toMatchObject([
    {
      firstName: 'Zoé',
      lastName: 'Lefèvre',
      personalCode: '00061',
      guardianPhone: '06 12 34 56 78',
    },
  ]);
});

test('a picture chosen by mistake is refused as not a CSV file', async ({ page }) => {
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Participants' })
    .click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const panel = page.getByRole('region', { name: 'Import participants' });
  await panel.getByLabel('CSV file').setInputFiles({
    name: 'badge.png',
    mimeType: 'image/png',
    buffer: readFileSync(new URL('../public/icons/icon-192.png', import.meta.url)),
  });
  await expect(panel.getByRole('alert')).toHaveText(/^This is not a CSV file: it is a PNG image/);
  await expect(panel.getByRole('button', { name: 'Check the rows' })).toHaveCount(0);
});
