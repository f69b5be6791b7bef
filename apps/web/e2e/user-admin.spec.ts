// An admin manages accounts on the Ushers screen: deactivating a user stops their sign-in until
// reactivated, and a new password is checked against the policy and replaces the old one.
import { expect, test } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

const signIn = (email: string, password: string) =>
  fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.status);

test('an admin deactivates and reactivates a user and sets a new password', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  await app.navTo('Ushers');
  const ben = page.getByTestId('user-usher2@demo.rollcall.test');
  await expect(ben).toBeVisible();

  // Deactivate: confirmed, shown, and the user can no longer sign in.
  page.once('dialog', (d) => void d.accept());
  await ben.getByRole('button', { name: 'Deactivate' }).click();
  await expect(ben.getByText('deactivated')).toBeVisible();
  expect(await signIn('usher2@demo.rollcall.test', 'rollcall-demo')).toBe(401);
  page.once('dialog', (d) => void d.accept());
  await ben.getByRole('button', { name: 'Reactivate' }).click();
  await expect(ben.getByText('deactivated')).toHaveCount(0);
  expect(await signIn('usher2@demo.rollcall.test', 'rollcall-demo')).toBe(200);

  // A common password is refused with a message saying why; a good one replaces the old one.
  page.once('dialog', (d) => void d.accept('password1'));
  await ben.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toContainText('most common passwords');
  page.once('dialog', (d) => void d.accept('violet-harbor-lantern-42'));
  await ben.getByRole('button', { name: 'Set password' }).click();
  await expect
    .poll(() => signIn('usher2@demo.rollcall.test', 'violet-harbor-lantern-42'))
    .toBe(200);
  expect(await signIn('usher2@demo.rollcall.test', 'rollcall-demo')).toBe(401);
  await context.close();
});
