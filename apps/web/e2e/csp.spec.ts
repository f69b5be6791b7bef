// The server's Content-Security-Policy against the real PWA: every main screen, used by an usher
// and an admin, must run without the browser blocking anything. A violation here means either
// the policy is wrong or the app does something the policy exists to stop.
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import type { Participant } from '@rollcall/shared';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Records every `securitypolicyviolation` in every document the page loads, and CSP console errors. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __csp: unknown[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
      }),
    );
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => ({
    events: await page.evaluate(() => (window as unknown as { __csp?: Violation[] }).__csp ?? []),
    console,
  });
}

test('the policy is sent and an usher checks people in without a single CSP violation', async ({
  page,
}) => {
  const api = await adminApi(server.url);
  const [byCode, byName] = (
    await api.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.filter((p) => p.groupIds.length > 0 && p.personalCode) as [Participant, Participant];
  const violations = await watchCsp(page);
  const response = await page.goto(server.url);
  expect(response?.headers()['content-security-policy']).toContain("object-src 'none'");
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await app.openSession();
  await app.checkInByCode('00000');
  await expect(app.feedback()).toContainText('No one has the code');
  await app.checkInByCode(byCode.personalCode);
  await expect(app.feedback()).toContainText(byCode.lastName);
  await app.checkInByName(
    byName.firstName.slice(0, 3) + ' ' + byName.lastName.slice(0, 2),
    `${byName.firstName} ${byName.lastName}`,
  );
  await expect(app.feedback()).toContainText(byName.lastName);
  await app.expectPending(0);
  expect(await violations()).toEqual({ events: [], console: [] });
});

test('an admin visits every main screen without a single CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  for (const [label, heading] of [
    ['Conflicts', /Conflicts/],
    ['Sync history', /Sync history/],
    ['Devices', /Devices/],
    ['Participants', /Participants/],
    ['Audit log', /Audit log/],
    ['Settings', /Settings/],
    ['Reports', /Reports/],
  ] as const) {
    await app.navTo(label);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    expect({ screen: label, ...(await violations()) }).toEqual({
      screen: label,
      events: [],
      console: [],
    });
  }
  await app.navTo('Sessions');
  await page.getByRole('button', { name: 'Live arrivals for Sunday Service' }).click();
  await expect(page.getByTestId('live-headcount')).toBeVisible();
  expect({ screen: 'live', ...(await violations()) }).toEqual({
    screen: 'live',
    events: [],
    console: [],
  });
});
