// The admin's side, end to end: the conflict queue made by two offline ushers (one kept B, three
// resolved in bulk, both devices converge), live arrivals following another device, and a revoked
// temporary usher whose device says why it stopped.
import { expect, test, type Browser } from '@playwright/test';
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

async function device(browser: Browser, email: string) {
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage(), server.url);
  await app.login(email);
  return { context, app, page: app.page };
}

test('admin resolves one conflict by keeping B and three in bulk; both ushers converge; the audit log has each decision', async ({
  browser,
}) => {
  const api = await adminApi(server.url);
  const people = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=50')).items
    .filter((p) => p.groupIds.length > 0)
    .slice(0, 4);
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
    .toBe(4);

  const admin = await device(browser, 'admin@demo.rollcall.test');
  const nav = admin.page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: /Conflicts/ }).click();
  await expect(admin.page.getByRole('heading', { name: /Conflicts/ })).toContainText('4 open');
  const [first, ...rest] = people;
  const card = admin.page.getByRole('listitem', {
    name: `Conflict for ${first!.firstName} ${first!.lastName}`,
  });
  await expect(card.getByText('Ana Usher')).toBeVisible();
  await expect(card.getByText('Ben Usher')).toBeVisible();
  await card.getByLabel('Note (optional)').fill('Ben saw him leave');
  await card.getByRole('button', { name: /^Keep B/ }).click();
  await expect(admin.page.getByRole('heading', { name: /Conflicts/ })).toContainText('3 open');

  await admin.page.getByRole('button', { name: 'Select all 3 matching' }).click();
  const bulk = admin.page.getByRole('region', { name: 'Bulk resolution' });
  await bulk.getByLabel('Rule for all selected').selectOption('excused');
  await bulk.getByRole('button', { name: 'Preview' }).click();
  await expect(bulk.getByRole('region', { name: 'Preview' })).toContainText(
    '3 conflicts will be resolved; 3 records change state',
  );
  await bulk.getByRole('button', { name: 'Resolve 3' }).click();
  await expect(admin.page.getByText('Nothing to resolve.')).toBeVisible();

  // Every device converges through its normal pull: B for the first, excused for the other three.
  for (const u of ushers) {
    await expect(
      u.page
        .getByTestId(`roster-${first!.id}`)
        .getByRole('button', { name: 'Absent', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
    await expect(
      u.page.getByTestId(`roster-${first!.id}`).getByText('an admin will check'),
    ).toHaveCount(0);
    for (const p of rest)
      await expect(
        u.page.getByTestId(`roster-${p.id}`).getByRole('button', { name: 'Excused', exact: true }),
      ).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  }
  // Resolved conflicts keep both versions and the decision.
  await admin.page.getByLabel('Status').selectOption('resolved');
  await expect(
    admin.page.getByRole('listitem', {
      name: `Conflict for ${first!.firstName} ${first!.lastName}`,
    }),
  ).toContainText('Resolved: Absent by Grace Admin');
  await expect(
    admin.page.getByRole('listitem', {
      name: `Conflict for ${first!.firstName} ${first!.lastName}`,
    }),
  ).toContainText('Ben saw him leave');
  const audit = await api.get<{ items: { action: string; entityId: string }[] }>(
    '/api/v1/audit?action=resolve_conflict&limit=50',
  );
  expect(audit.items.filter((a) => a.action === 'resolve_conflict')).toHaveLength(4);
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await admin.page.getByLabel('Action').fill('resolve_conflict');
  await expect(admin.page.getByRole('heading', { name: /Audit log/ })).toContainText('(4)');
  await expect(admin.page.getByRole('table')).toContainText('"note":"Ben saw him leave"');
  for (const c of [...ushers, admin]) await c.context.close();
});

test('live arrivals update while another device checks people in', async ({ browser }) => {
  const api = await adminApi(server.url);
  const evening = 'Evening Service';
  const admin = await device(browser, 'admin@demo.rollcall.test');
  await admin.page.getByRole('button', { name: `Live arrivals for ${evening}` }).click();
  const headcount = admin.page.getByTestId('live-headcount');
  await expect(headcount).toBeVisible();
  const before = Number(await headcount.textContent());

  const usher = await device(browser, 'usher1@demo.rollcall.test');
  await usher.app.openSession(evening);
  const people = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200')).items
    .filter((p) => p.active)
    .slice(20, 23);
  for (const [i, p] of people.entries()) {
    await usher.app.checkInByCode(p.personalCode);
    await expect(usher.app.feedback()).toContainText(p.firstName);
    await expect(headcount).toHaveText(String(before + i + 1), { timeout: 15_000 });
  }
  await expect(admin.page.getByTestId('live-latest')).toContainText(people[2]!.firstName);
  await expect(admin.page.getByRole('table')).toContainText('Ana Usher');
  // The same check-in shows in the participant's attendance history.
  await admin.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Participants' })
    .click();
  await admin.page.getByLabel('Search participants').fill(people[0]!.personalCode);
  await admin.page
    .getByRole('row')
    .filter({ hasText: people[0]!.personalCode })
    .getByRole('button', { name: 'History' })
    .click();
  await expect(
    admin.page.getByRole('region', {
      name: `Attendance of ${people[0]!.firstName} ${people[0]!.lastName}`,
    }),
  ).toContainText('Evening Service');
  await usher.context.close();
  await admin.context.close();
});

test('a temporary usher whose assignment is revoked stops checking people in, and the app says why', async ({
  browser,
}) => {
  const api = await adminApi(server.url);
  const people = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200')).items
    .filter((p) => p.active)
    .slice(30, 32);
  const temp = await device(browser, 'temp@demo.rollcall.test');
  await temp.app.openSession();
  await temp.app.checkInByCode(people[0]!.personalCode);
  await temp.app.expectPending(0);

  const admin = await device(browser, 'admin@demo.rollcall.test');
  await admin.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Ushers' })
    .click();
  const row = admin.page.getByTestId('user-temp@demo.rollcall.test');
  await expect(row).toContainText('active');
  admin.page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('revoked');

  // Online, the phone hears of the revocation by its event stream: its next pull is refused.
  // (Check-ins recorded offline after a revocation: revoked-temp-usher.spec.ts.)
  await expect(temp.page.getByTestId('sync-status')).toContainText('revoked', { timeout: 30_000 });
  await expect(temp.page.getByRole('alert').filter({ hasText: 'revoked' })).toBeVisible();
  await expect(temp.page.getByLabel('Personal code or key')).toHaveCount(0);
  const sunday = (
    await api.get<{ items: { id: string; name: string; status: string }[] }>('/api/v1/sessions')
  ).items.find((s) => s.name === 'Sunday Service' && s.status === 'active')!; // today's
  const live = await api.get<{ latest: { participantId: string }[] }>(
    `/api/v1/sessions/${sunday.id}/live`,
  );
  expect(live.latest.map((l) => l.participantId)).toContain(people[0]!.id);
  expect(live.latest.map((l) => l.participantId)).not.toContain(people[1]!.id);
  await temp.context.close();
  await admin.context.close();
});

test('an admin creates a weekly series and a group, and starts a session; ushers get it by sync', async ({
  browser,
}) => {
  const admin = await device(browser, 'admin@demo.rollcall.test');
  await admin.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  const form = admin.page.getByRole('form', { name: 'New session' });
  await form.getByLabel('Name').fill('Midweek prayer');
  await form.getByLabel('Repeat weekly for (weeks)').fill('3');
  await form.getByRole('button', { name: 'Create' }).click();
  const rows = admin.page.getByRole('row').filter({ hasText: 'Midweek prayer' });
  await expect(rows).toHaveCount(3);
  await rows.first().getByRole('button', { name: 'Start' }).click();
  await expect(rows.first()).toContainText('active');
  const groups = admin.page.getByRole('region', { name: 'Groups' });
  await groups.getByLabel('New group name').fill('Ushers team');
  await groups.getByRole('button', { name: 'Add group' }).click();
  await expect(groups.getByRole('list').first()).toContainText('Ushers team');

  const usher = await device(browser, 'usher1@demo.rollcall.test');
  await expect(usher.page.getByRole('button', { name: /^Midweek prayer/ })).toBeVisible({
    timeout: 30_000,
  });
  await usher.context.close();
  await admin.context.close();
});

test('an admin renames a presence state and adds one; the usher roster shows both after sync', async ({
  browser,
}) => {
  const admin = await device(browser, 'admin@demo.rollcall.test');
  await admin.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const label = admin.page.getByLabel('Label of present');
  await label.fill('Here');
  await label.blur();
  await expect(admin.page.getByLabel('Label of present')).toHaveValue('Here');
  const add = admin.page.getByRole('form', { name: 'Add a presence state' });
  await add.getByLabel('New state code').fill('online');
  await add.getByLabel('New state label').fill('Online');
  await add.getByRole('button', { name: 'Add state' }).click();
  await expect(admin.page.getByTestId('state-online')).toBeVisible();

  const usher = await device(browser, 'usher1@demo.rollcall.test');
  await usher.app.openSession();
  const firstRow = usher.page
    .getByRole('list')
    .filter({ has: usher.page.getByTestId(/^roster-/) })
    .getByTestId(/^roster-/)
    .first();
  await expect(firstRow.getByRole('button', { name: 'Here', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(firstRow.getByRole('button', { name: 'Online', exact: true })).toBeVisible();
  await usher.context.close();
  await admin.context.close();
});

test('an admin sets how long attendance is kept and sees what a retention run would remove', async ({
  browser,
}) => {
  const admin = await device(browser, 'admin@demo.rollcall.test');
  await admin.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const card = admin.page.getByRole('form', { name: 'Data retention' });
  await expect(card.getByLabel('Keep attendance (years)')).toHaveValue('3');
  await expect(card.getByTestId('retention-preview')).toContainText(
    'it would remove 0 attendance records',
  );
  await card.getByLabel('Keep attendance (years)').fill('0.5');
  await card.getByLabel('Keep the audit log (years)').fill('2');
  await card.getByRole('button', { name: 'Save limits' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  // The preview is recomputed from the stored limits: audit entries before two years ago.
  const auditCutoff = new Date();
  auditCutoff.setUTCMonth(auditCutoff.getUTCMonth() - 24);
  await expect(card.getByTestId('retention-preview')).toContainText(
    `audit entries before ${auditCutoff.toLocaleDateString('en-US', { dateStyle: 'medium' })}`,
  );
  await admin.context.close();
});
