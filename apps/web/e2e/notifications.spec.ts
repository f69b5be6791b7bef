// The bell: two ushers disagree about two people (through the API, as their devices would push),
// the admin's bell counts both, the panel leads to the conflict queue, and "Mark all read" clears it;
// a rejected change notifies too and opens its sync in the history.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Participant, Session } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, usherDevice, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

/** An usher's device, signed in over the API, pushing one check-in at a time. */
async function seriousViolations(page: AppPage['page']) {
  const result = await new AxeBuilder({ page }).include('#notifications-panel').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

test('a conflict raises the bell count; the panel leads to the conflict queue; mark all read clears it', async ({
  page,
}) => {
  const admin = await adminApi(server.url);
  const sunday = (await admin.get<{ items: Session[] }>('/api/v1/sessions')).items.findLast(
    (s) => s.name === 'Sunday Service',
  )!;
  const [first, second] = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items.filter((p) => p.groupIds.length > 0);

  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, 0 unread');

  const ana = await usherDevice(server.url, 'usher1@demo.rollcall.test');
  const ben = await usherDevice(server.url, 'usher2@demo.rollcall.test');
  const conflictIds: string[] = [];
  for (const p of [first!, second!]) {
    await ana(sunday.id, p.id, 'present');
    const result = await ben(sunday.id, p.id, 'absent');
    expect(result.status).toBe('conflict');
    conflictIds.push(result.conflictId!);
  }
  // The sync stream makes the admin's device pull, and the bell asks again right after.
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread', { timeout: 30_000 });
  await expect(page.getByTestId('notification-count')).toHaveText('2');

  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  const items = panel
    .getByRole('list', { name: 'Notifications, newest first' })
    .getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('New');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect({ scheme, violations: await seriousViolations(page) }).toEqual({
      scheme,
      violations: [],
    });
  }

  const name = `${second!.preferredName ?? second!.firstName} ${second!.lastName}`;
  await panel.getByRole('link', { name: new RegExp(`Conflict: ${name}`) }).click();
  await expect(page.getByRole('heading', { name: /Conflicts/, level: 1 })).toBeVisible();
  await expect(page.getByTestId(`conflict-${conflictIds[1]}`)).toBeVisible();
  await expect(page.getByTestId(`conflict-${conflictIds[1]}`)).toBeFocused();
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');

  await bell.click();
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'New' })).toHaveCount(1);
  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications, 0 unread');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(items.filter({ hasText: 'New' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Mark all read' })).toBeDisabled();

  // Preferences: turning conflicts off is saved for this admin.
  await panel.getByText('Preferences').click();
  const conflictsBox = panel.getByRole('checkbox', { name: 'A conflict needs resolution' });
  await expect(conflictsBox).toBeChecked();
  await conflictsBox.uncheck();
  await expect(panel.getByRole('status')).toContainText('No more notifications');
  const prefs = await admin.get<{ items: { kind: string; enabled: boolean }[] }>(
    '/api/v1/notifications/preferences',
  );
  expect(prefs.items).toContainEqual({ kind: 'conflict', enabled: false });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(bell).toBeFocused();
});

test('ushers have no bell', async ({ page }) => {
  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await expect(page.getByRole('button', { name: /^Notifications/ })).toHaveCount(0);
});

test('a sync with a rejected change notifies, and the notification opens that sync with its reason', async ({
  page,
}) => {
  const admin = await adminApi(server.url);
  const sunday = (await admin.get<{ items: Session[] }>('/api/v1/sessions')).items.findLast(
    (s) => s.name === 'Sunday Service',
  )!;
  const [person] = (
    await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
  ).items
    .filter((p) => p.groupIds.length > 0)
    .slice(5);
  const app = new AppPage(page, server.url);
  await app.login('admin@demo.rollcall.test');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  const before = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label'))!)![1]);

  const carl = await usherDevice(server.url, 'usher1@demo.rollcall.test');
  expect(await carl(sunday.id, person!.id, 'asleep')).toMatchObject({
    status: 'rejected',
    code: 'unknown_state',
  });
  // A push with only rejections publishes nothing: the bell's poll (or a reload) brings it.
  await expect(async () => {
    await page.reload();
    await expect(bell).toHaveAccessibleName(`Notifications, ${before + 1} unread`, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await bell.click();
  await page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('link', { name: /1 change rejected/ })
    .click();
  await expect(page.getByRole('heading', { name: /Sync history/, level: 1 })).toBeVisible();
  // The reason in the app's words (the server sent a code with its English).
  await expect(
    page.getByText('The presence state is not one of this organization’s.'),
  ).toBeVisible();
});
