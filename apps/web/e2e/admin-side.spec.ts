// The admin's side, end to end, in English and again in Spanish (a Spanish organization, a Spanish
// browser: every step finds its button by the Spanish catalog's words): the conflict queue made by
// two offline ushers (one kept by naming the usher, three resolved in bulk, both devices converge),
// live arrivals following another device, a revoked temporary usher whose device says why it
// stopped, the schedule, presence states and retention.
import { expect, test, type Browser } from '@playwright/test';
import type { Language, Participant } from '@rollcall/shared';
import {
  AuditPage,
  ConflictsPage,
  LivePage,
  ParticipantsPage,
  RosterRow,
  SchedulePage,
  SettingsPage,
  UshersPage,
} from './page-models/admin-pages.ts';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, startSessions, type TestServer } from './support/server.ts';
import {
  englishWords,
  escapeRegExp,
  SPANISH_LABELS,
  upTo,
  wordsIn,
  type Words,
} from './support/words.ts';

/** Makes the demo a Spanish-speaking organization with its own Spanish words. */
async function speakSpanish(url: string) {
  const api = await adminApi(url);
  const res = await fetch(`${url}/api/v1/organization`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ settings: { language: 'es', labels: SPANISH_LABELS } }),
  });
  if (!res.ok) throw new Error(`could not make it Spanish: ${res.status} ${await res.text()}`);
}

const RUNS: { language: Language; locale: string; title: string }[] = [
  { language: 'en', locale: 'en-US', title: 'in English' },
  { language: 'es', locale: 'es-ES', title: 'en español' },
];

for (const { language, locale, title } of RUNS) {
  test.describe(title, () => {
    let server: TestServer;
    let w: Words;
    test.beforeAll(async () => {
      server = await launchServer();
      await startSessions(server.url, ['Evening Service']); // not folded under "Recent" after 20:00
      if (language === 'es') await speakSpanish(server.url);
      w = language === 'es' ? wordsIn('es', SPANISH_LABELS) : englishWords;
    });
    test.afterAll(async () => {
      await server?.dispose();
    });

    async function device(browser: Browser, email: string) {
      const context = await browser.newContext({ locale });
      const app = new AppPage(await context.newPage(), server.url, w);
      await app.login(email);
      return { context, app, page: app.page };
    }

    test('admin resolves one conflict by keeping B and three in bulk; both ushers converge; the audit log has each decision', async ({
      browser,
    }) => {
      const api = await adminApi(server.url);
      const people = (
        await api.get<{ items: Participant[] }>('/api/v1/participants?limit=50')
      ).items
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
        await ushers[0]!.app.setState(p.id, w.state('present'));
        await ushers[1]!.app.setState(p.id, w.state('absent'));
      }
      for (const u of ushers) await u.context.setOffline(false);
      for (const u of ushers) await u.app.expectPending(0);
      await expect
        .poll(async () => (await api.get<{ total: number }>('/api/v1/conflicts?status=open')).total)
        .toBe(4);

      const admin = await device(browser, 'admin@demo.rollcall.test');
      const conflicts = await ConflictsPage.open(admin.app);
      await conflicts.expectOpen(4);
      const [first, ...rest] = people;
      await expect(conflicts.card(first!).getByText('Ana Usher')).toBeVisible();
      await expect(conflicts.card(first!).getByText('Ben Usher')).toBeVisible();
      await conflicts.keep(first!, 'Ben', 'Ben saw him leave');
      await conflicts.expectOpen(3);
      await conflicts.resolveAllAs(
        3,
        'excused',
        w('conflicts', 'previewSummary', { total: 3, count: 3 }),
      );
      await expect(conflicts.emptyMessage()).toBeVisible();

      // Every device converges through its normal pull: B for the first, excused for the other three.
      for (const u of ushers) {
        await RosterRow.of(u.page, first!.id, w).expectState(w.state('absent'));
        await expect(RosterRow.of(u.page, first!.id, w).flaggedForAdmin()).toHaveCount(0);
        for (const p of rest) await RosterRow.of(u.page, p.id, w).expectState(w.state('excused'));
      }
      // Resolved conflicts keep both versions and the decision.
      await conflicts.show('resolved');
      await expect(conflicts.card(first!)).toContainText(
        upTo(
          w('conflicts', 'resolved', { state: w.state('absent'), by: 'Grace Admin', time: '§' }),
        ),
      );
      await expect(conflicts.card(first!)).toContainText('Ben saw him leave');
      const audit = await api.get<{ items: { action: string; entityId: string }[] }>(
        '/api/v1/audit?action=resolve_conflict&limit=50',
      );
      expect(audit.items.filter((a) => a.action === 'resolve_conflict')).toHaveLength(4);
      const log = await AuditPage.open(admin.app);
      await log.filterAction('resolve_conflict');
      await expect(log.heading()).toContainText('(4)');
      await expect(log.table()).toContainText('"note":"Ben saw him leave"');
      for (const c of [...ushers, admin]) await c.context.close();
    });

    test('live arrivals update while another device checks people in', async ({ browser }) => {
      const api = await adminApi(server.url);
      const evening = 'Evening Service';
      const admin = await device(browser, 'admin@demo.rollcall.test');
      const live = await LivePage.open(admin.app, evening);
      const headcount = live.headcount();
      const before = Number(await headcount.textContent());

      const usher = await device(browser, 'usher1@demo.rollcall.test');
      await usher.app.openSession(evening);
      const people = (
        await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200')
      ).items
        .filter((p) => p.active)
        .slice(20, 23);
      for (const [i, p] of people.entries()) {
        await usher.app.checkInByCode(p.personalCode);
        await expect(usher.app.feedback()).toContainText(p.firstName);
        await expect(headcount).toHaveText(String(before + i + 1), { timeout: 15_000 });
      }
      await expect(live.latest()).toContainText(people[2]!.firstName);
      await expect(live.table()).toContainText('Ana Usher');
      // The same check-in shows in the participant's attendance history.
      const participants = await ParticipantsPage.open(admin.app);
      await expect(await participants.history(people[0]!)).toContainText('Evening Service');
      await usher.context.close();
      await admin.context.close();
    });

    test('a temporary usher whose assignment is revoked stops checking people in, and the app says why', async ({
      browser,
    }) => {
      const api = await adminApi(server.url);
      const people = (
        await api.get<{ items: Participant[] }>('/api/v1/participants?limit=200')
      ).items
        .filter((p) => p.active)
        .slice(30, 32);
      const temp = await device(browser, 'temp@demo.rollcall.test');
      await temp.app.openSession();
      await temp.app.checkInByCode(people[0]!.personalCode);
      await temp.app.expectPending(0);

      const admin = await device(browser, 'admin@demo.rollcall.test');
      const ushersPage = await UshersPage.open(admin.app);
      const row = ushersPage.row('temp@demo.rollcall.test');
      await expect(row).toContainText(w('ushers', 'status.active'));
      await ushersPage.revoke('temp@demo.rollcall.test');
      await expect(row).toContainText(w('ushers', 'status.revoked'));

      // Online, the phone hears of the revocation by its event stream: its next pull is refused.
      // (Check-ins recorded offline after a revocation: revoked-temp-usher.spec.ts.)
      const revoked = w('sync', 'blocked.assignment_revoked');
      await expect(temp.page.getByTestId('sync-status')).toContainText(revoked, {
        timeout: 30_000,
      });
      await expect(temp.page.getByRole('alert').filter({ hasText: revoked })).toBeVisible();
      await expect(temp.page.getByLabel(w('scan', 'codeLabel'))).toHaveCount(0);
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
      const schedule = await SchedulePage.open(admin.app);
      await schedule.createWeekly('Midweek prayer', 3);
      const rows = schedule.rows('Midweek prayer');
      await expect(rows).toHaveCount(3);
      await rows
        .first()
        .getByRole('button', { name: w('schedule', 'start') })
        .click();
      await expect(rows.first()).toContainText(w('schedule', 'status.active'));
      await schedule.addGroup('Ushers team');
      await expect(schedule.groups().getByRole('list').first()).toContainText('Ushers team');

      const usher = await device(browser, 'usher1@demo.rollcall.test');
      await expect(usher.page.getByRole('button', { name: /^Midweek prayer/ })).toBeVisible({
        timeout: 30_000,
      });
      await usher.context.close();
      await admin.context.close();
    });

    test('an admin reaches a past session with "Show earlier" and edits its time and groups', async ({
      browser,
    }) => {
      const api = await adminApi(server.url);
      const start = new Date(Date.now() - 30 * 86_400_000);
      start.setHours(18, 0, 0, 0);
      const res = await fetch(`${server.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Harvest supper',
          scheduledStart: start.toISOString(),
          scheduledEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        }),
      });
      expect(res.status).toBe(201);
      const created = (await res.json()) as { id: string };
      const groups = (await api.get<{ items: { id: string; name: string }[] }>('/api/v1/groups'))
        .items;

      const admin = await device(browser, 'admin@demo.rollcall.test');
      const schedule = await SchedulePage.open(admin.app);
      // The list has loaded (today's service) and the month-old session is not in it yet.
      await expect(schedule.rows('Sunday Service').first()).toBeVisible();
      await expect(schedule.rows('Harvest supper')).toHaveCount(0);
      await schedule.showEarlier();
      await expect(schedule.rows('Harvest supper')).toHaveCount(1);

      const form = await schedule.edit('Harvest supper');
      await expect(form.getByLabel(w('schedule', 'starts'))).toHaveValue('18:00');
      await form.getByLabel(w('schedule', 'name')).fill('Harvest supper (moved)');
      await form.getByLabel(w('schedule', 'starts')).fill('17:30');
      await form.getByLabel(groups[0]!.name, { exact: true }).check();
      await form.getByRole('button', { name: w('schedule', 'saveChanges') }).click();
      await expect(schedule.rows('Harvest supper (moved)')).toHaveCount(1);

      const after = (
        await api.get<{ items: { id: string; scheduledStart: string; groupIds: string[] }[] }>(
          `/api/v1/sessions?from=${encodeURIComponent(new Date(start.getTime() - 86_400_000).toISOString())}`,
        )
      ).items.find((s) => s.id === created.id);
      const moved = new Date(start);
      moved.setHours(17, 30);
      expect(after).toMatchObject({
        scheduledStart: moved.toISOString(),
        groupIds: [groups[0]!.id],
      });
      await admin.context.close();
    });

    test('an admin renames a presence state and adds one; the usher roster shows both after sync', async ({
      browser,
    }) => {
      const admin = await device(browser, 'admin@demo.rollcall.test');
      const settings = await SettingsPage.open(admin.app);
      await settings.renameState('present', 'Here');
      await expect(settings.stateLabel('present')).toHaveValue('Here');
      await settings.addState('online', 'Online');
      await expect(admin.page.getByTestId('state-online')).toBeVisible();
      // A second state with the same code is refused, in the admin's language.
      await settings.addState('online', 'Online again');
      await expect(admin.page.getByRole('alert')).toHaveText(w('common', 'error.code_taken'));

      const usher = await device(browser, 'usher1@demo.rollcall.test');
      await usher.app.openSession();
      const firstRow = RosterRow.first(usher.page, w);
      await expect(firstRow.state('Here')).toBeVisible({ timeout: 30_000 });
      await expect(firstRow.state('Online')).toBeVisible();
      await usher.context.close();
      await admin.context.close();
    });

    test('an admin sets how long attendance is kept and sees what a retention run would remove', async ({
      browser,
    }) => {
      const admin = await device(browser, 'admin@demo.rollcall.test');
      const settings = await SettingsPage.open(admin.app);
      const card = settings.retention();
      await expect(card.getByLabel(w('settings', 'keepAttendance'))).toHaveValue('3');
      await expect(card.getByTestId('retention-preview')).toContainText(
        upTo(w('settings', 'previewRecords', { count: 0, date: '§' })),
      );
      await settings.saveRetention('0.5', '2');
      await expect(card.getByRole('status')).toHaveText(w('settings', 'saved'));
      // The preview is recomputed from the stored limits: audit entries before two years ago.
      const auditCutoff = new Date();
      auditCutoff.setUTCMonth(auditCutoff.getUTCMonth() - 24);
      const date = auditCutoff.toLocaleDateString(locale, { dateStyle: 'medium' });
      const audit = escapeRegExp(w('settings', 'previewAudit', { count: 7777, date })).replace(
        '7777',
        '\\d+',
      );
      await expect(card.getByTestId('retention-preview')).toContainText(new RegExp(audit));
      await admin.context.close();
    });
  });
}
