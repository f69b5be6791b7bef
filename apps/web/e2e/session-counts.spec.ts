// Issue 15 item 6: "arrived" and "expected" are counted once. The usher's roster header and sessions
// list say the same "arrived of expected" as the admin's live page, for a session whose group has
// subgroups, with an absent and an excused member, a member made inactive after arriving, someone
// from another group and a visitor added at the door.
import { expect, test, type Browser } from '@playwright/test';
import { withDescendants, type Group, type Participant, type Session } from '@rollcall/shared';
import { LivePage } from './page-models/admin-pages.ts';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, startSessions, type TestServer } from './support/server.ts';

const TEENS = 'Teens Meeting';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
  // It ends at 13:00 and would fold under "Recent" later in the day.
  await startSessions(server.url, [TEENS]);
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

test('the roster header and the sessions list count a session as the live page does', async ({
  browser,
}) => {
  const api = await adminApi(server.url);
  const pull = await api.get<{ groups: Group[]; sessions: Session[]; participants: Participant[] }>(
    '/api/v1/sync/pull?limit=10000',
  );
  const teens = pull.sessions.findLast((s) => s.name === TEENS)!;
  // The Teens group has no members of its own: everyone expected is in Junior or Senior Teens.
  const groups = withDescendants(teens.groupIds, pull.groups);
  const inTeens = (p: Participant) => p.groupIds.some((g) => groups.has(g));
  const members = pull.participants.filter((p) => p.active && inTeens(p));
  const outsider = pull.participants.find((p) => p.active && !inTeens(p))!;
  const [ana, ben, cal, dee, eve] = members;

  const usher = await device(browser, 'usher1@demo.rollcall.test');
  await usher.app.openSession(TEENS);
  for (const p of [ana!, ben!, eve!, outsider]) {
    await usher.app.checkInByCode(p.personalCode);
    await expect(usher.app.feedback()).toContainText(p.firstName);
  }
  await usher.app.setState(cal!.id, 'Absent');
  await usher.app.setState(dee!.id, 'Excused');
  await usher.page.getByRole('button', { name: '+ Add someone not on the roster' }).click();
  const sheet = usher.page.getByRole('dialog', { name: 'Add a visitor' });
  await sheet.getByLabel('First name').fill('Vera');
  await sheet.getByLabel('Last name').fill('Visitor');
  await sheet.getByRole('button', { name: 'Add and check in' }).click();
  await expect(usher.app.feedback()).toContainText('Vera Visitor');
  await usher.app.expectPending(0);

  // Eve leaves the group's active members after arriving: still arrived, no longer expected.
  const res = await fetch(`${server.url}/api/v1/participants/${eve!.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ active: false }),
  });
  expect(res.status, await res.text()).toBe(200);
  await expect(usher.page.getByTestId(`roster-${eve!.id}`)).toHaveCount(0);

  // Ana, Ben, Eve, the outsider and Vera arrived; every active Teens member but Eve is expected.
  const [arrived, expected] = [5, members.length - 1];
  const admin = await device(browser, 'admin@demo.rollcall.test');
  const live = await LivePage.open(admin.app, TEENS);
  await expect(live.headcount()).toHaveText(String(arrived));
  await expect(live.headcount().locator('xpath=following-sibling::span[1]')).toHaveText(
    ` of ${expected} expected`,
  );

  await expect(usher.page.getByTestId('roster-count')).toHaveText(
    `(${arrived} arrived of ${expected} expected)`,
  );
  await usher.page.goBack();
  const listed = usher.page
    .getByRole('button', { name: new RegExp(`^${TEENS}`) })
    .getByTestId('session-count');
  await expect(listed).toHaveAttribute('aria-label', `${arrived} arrived of ${expected} expected`);
  await expect(listed).toHaveText(`${arrived}of ${expected}`);
  for (const c of [usher, admin]) await c.context.close();
});

test('a session of no group expects no one: the roster and the list say its arrivals alone', async ({
  browser,
}) => {
  const api = await adminApi(server.url);
  const now = Date.now();
  const res = await fetch(`${server.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Open house',
      scheduledStart: new Date(now - 3_600_000).toISOString(),
      scheduledEnd: new Date(now + 3_600_000).toISOString(),
      status: 'active',
    }),
  });
  expect(res.status, await res.text()).toBe(201);
  const someone = (await api.get<{ items: Participant[] }>('/api/v1/participants?limit=5'))
    .items[0]!;

  const usher = await device(browser, 'usher1@demo.rollcall.test');
  await usher.app.openSession('Open house');
  await usher.app.checkInByCode(someone.personalCode);
  await expect(usher.app.feedback()).toContainText(someone.firstName);
  await expect(usher.page.getByTestId('roster-count')).toHaveText('(1 arrived)');
  await usher.page.goBack();
  const listed = usher.page
    .getByRole('button', { name: /^Open house/ })
    .getByTestId('session-count');
  await expect(listed).toHaveText('1');
  await usher.context.close();
});
