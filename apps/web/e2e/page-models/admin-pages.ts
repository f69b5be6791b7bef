// The admin's screens, in the words an admin would use: each model reaches its screen through the
// navigation and names what is on it, so specs read as steps instead of locators.
import { expect, type Locator, type Page } from '@playwright/test';
import { englishWords, escapeRegExp, upTo, type Words } from '../support/words.ts';
import type { AppPage } from './app-page.ts';

const byName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A roster row on the usher's check-in screen. */
export class RosterRow {
  constructor(
    readonly row: Locator,
    readonly w: Words = englishWords,
  ) {}
  static of(page: Page, participantId: string, w?: Words) {
    return new RosterRow(page.getByTestId(`roster-${participantId}`), w);
  }
  static first(page: Page, w?: Words) {
    return new RosterRow(
      page
        .getByRole('list')
        .filter({ has: page.getByTestId(/^roster-/) })
        .getByTestId(/^roster-/)
        .first(),
      w,
    );
  }
  state(label: string) {
    return this.row.getByRole('button', { name: label, exact: true });
  }
  /** Waits for the device to show `label` as this person's state (a pull may take a while). */
  async expectState(label: string) {
    await expect(this.state(label)).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  }
  flaggedForAdmin() {
    return this.row.getByText(this.w('scan', 'adminWillCheck'));
  }
}

export class ConflictsPage {
  constructor(
    readonly page: Page,
    readonly w: Words = englishWords,
  ) {}
  static async open(app: AppPage) {
    await app.navTo(new RegExp(app.w('auth', 'nav.conflicts')));
    return new ConflictsPage(app.page, app.w);
  }
  async expectOpen(n: number) {
    await expect(
      this.page.getByRole('heading', { name: new RegExp(this.w('auth', 'nav.conflicts')) }),
    ).toContainText(this.w('auth', 'open', { count: n }));
  }
  card(person: { firstName: string; lastName: string }) {
    return this.page.getByRole('listitem', {
      name: this.w('conflicts', 'conflictFor', { name: byName(person) }),
    });
  }
  /** Keeps the version recorded by the usher whose first name is `usher` ("Keep Ben's (…)"). */
  async keep(person: { firstName: string; lastName: string }, usher: string, note?: string) {
    const card = this.card(person);
    if (note) await card.getByLabel(this.w('conflicts', 'note')).fill(note);
    const label = this.w('conflicts', 'keep', { name: usher, device: '§', time: '§' });
    const prefix = upTo(label).replace(/\($/, '');
    await card.getByRole('button', { name: new RegExp(`^${escapeRegExp(prefix)}`) }).click();
  }
  /** Selects every matching conflict, previews the rule, checks the preview and applies it. */
  async resolveAllAs(count: number, state: string, preview: string) {
    await this.page
      .getByRole('button', { name: this.w('conflicts', 'selectAll', { count }) })
      .click();
    const bulk = this.page.getByRole('region', { name: this.w('conflicts', 'bulk') });
    await bulk.getByLabel(this.w('conflicts', 'ruleForAll')).selectOption(state);
    await bulk.getByRole('button', { name: this.w('conflicts', 'preview') }).click();
    await expect(bulk.getByRole('region', { name: this.w('conflicts', 'preview') })).toContainText(
      preview,
    );
    await bulk.getByRole('button', { name: this.w('conflicts', 'resolveN', { count }) }).click();
  }
  async show(status: 'open' | 'resolved') {
    await this.page.getByLabel(this.w('conflicts', 'status')).selectOption(status);
  }
  emptyMessage() {
    return this.page.getByText(this.w('conflicts', 'nothing'));
  }
}

export class AuditPage {
  constructor(
    readonly page: Page,
    readonly w: Words = englishWords,
  ) {}
  static async open(app: AppPage) {
    await app.navTo(app.w('auth', 'nav.audit'));
    return new AuditPage(app.page, app.w);
  }
  async filterAction(action: string) {
    await this.page.getByLabel(this.w('audit', 'action')).fill(action);
  }
  heading() {
    return this.page.getByRole('heading', { name: new RegExp(this.w('audit', 'title')) });
  }
  table() {
    return this.page.getByRole('table');
  }
}

export class LivePage {
  constructor(
    readonly page: Page,
    readonly w: Words = englishWords,
  ) {}
  /** From the session list, the "Live arrivals" button of a session. */
  static async open(app: AppPage, session: string) {
    await app.page
      .getByRole('button', {
        name: app.w('sessions', 'liveArrivalsFor', { name: session }),
      })
      .click();
    const live = new LivePage(app.page, app.w);
    await expect(live.headcount()).toBeVisible();
    return live;
  }
  headcount() {
    return this.page.getByTestId('live-headcount');
  }
  latest() {
    return this.page.getByTestId('live-latest');
  }
  table() {
    return this.page.getByRole('table');
  }
}

export class ParticipantsPage {
  constructor(
    readonly page: Page,
    readonly w: Words = englishWords,
  ) {}
  static async open(app: AppPage) {
    await app.navTo(app.w('auth', 'nav.participants'));
    return new ParticipantsPage(app.page, app.w);
  }
  /** Finds someone by code and opens their attendance history. */
  async history(p: { personalCode: string; firstName: string; lastName: string }) {
    await this.page.getByLabel(this.w('participants', 'searchLabel')).fill(p.personalCode);
    await this.page
      .getByRole('row')
      .filter({ hasText: p.personalCode })
      .getByRole('button', { name: this.w('participants', 'history') })
      .click();
    return this.page.getByRole('region', {
      name: this.w('participants', 'attendanceOf', { name: byName(p) }),
    });
  }
}

export class UshersPage {
  constructor(
    readonly page: Page,
    readonly w: Words = englishWords,
  ) {}
  static async open(app: AppPage) {
    await app.navTo(app.w('auth', 'nav.ushers'));
    return new UshersPage(app.page, app.w);
  }
  row(email: string) {
    return this.page.getByTestId(`user-${email}`);
  }
  /** Revokes a temporary usher's assignment, accepting the confirmation. */
  async revoke(email: string) {
    this.page.once('dialog', (d) => void d.accept());
    await this.row(email)
      .getByRole('button', { name: this.w('ushers', 'revoke') })
      .click();
  }
}

export class SchedulePage {
  constructor(
    readonly page: Page,
    readonly w: Words = englishWords,
  ) {}
  static async open(app: AppPage) {
    await app.navTo(app.w('auth', 'nav.schedule'));
    return new SchedulePage(app.page, app.w);
  }
  async createWeekly(name: string, weeks: number) {
    const form = this.page.getByRole('form', { name: this.w('schedule', 'newSession') });
    await form.getByLabel(this.w('schedule', 'name')).fill(name);
    await form.getByLabel(this.w('schedule', 'repeatWeekly')).fill(String(weeks));
    await form.getByRole('button', { name: this.w('schedule', 'create') }).click();
  }
  rows(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }
  async showEarlier() {
    await this.page.getByRole('button', { name: this.w('schedule', 'showEarlier') }).click();
  }
  /** Opens the edit form of the session named `name` (the first such row). */
  async edit(name: string) {
    await this.rows(name)
      .first()
      .getByRole('button', {
        name: new RegExp(`^${this.w('schedule', 'editForm', { name })}`),
      })
      .click();
    return this.page.getByRole('form', { name: this.w('schedule', 'editForm', { name }) });
  }
  groups() {
    return this.page.getByRole('region', { name: this.w('schedule', 'groups') });
  }
  async addGroup(name: string) {
    await this.groups().getByLabel(this.w('schedule', 'newGroupName')).fill(name);
    await this.groups()
      .getByRole('button', { name: this.w('schedule', 'addGroup') })
      .click();
  }
}

export class SettingsPage {
  constructor(
    readonly page: Page,
    readonly w: Words = englishWords,
  ) {}
  static async open(app: AppPage) {
    await app.navTo(app.w('auth', 'nav.settings'));
    return new SettingsPage(app.page, app.w);
  }
  stateLabel(code: string) {
    return this.page.getByLabel(this.w('settings', 'labelOf', { code }));
  }
  async renameState(code: string, label: string) {
    await this.stateLabel(code).fill(label);
    await this.stateLabel(code).blur();
  }
  async addState(code: string, label: string) {
    const add = this.page.getByRole('form', { name: this.w('settings', 'addStateForm') });
    await add.getByLabel(this.w('settings', 'newCode')).fill(code);
    await add.getByLabel(this.w('settings', 'newLabel')).fill(label);
    await add.getByRole('button', { name: this.w('settings', 'addState') }).click();
  }
  organization() {
    return this.page.getByRole('form', { name: this.w('settings', 'orgSettings') });
  }
  async setTimeZone(zone: string) {
    const form = this.organization();
    await form.getByLabel(this.w('settings', 'timeZone')).fill(zone);
    await form.getByRole('button', { name: this.w('settings', 'save') }).click();
  }
  retention() {
    return this.page.getByRole('form', { name: this.w('settings', 'retention') });
  }
  stations() {
    return this.page.getByRole('region', { name: this.w('settings', 'stations') });
  }
  async setStationPin(pin: string) {
    const card = this.stations();
    await card.getByLabel(this.w('settings', 'newPin')).fill(pin);
    await card.getByRole('button', { name: this.w('settings', 'setPin') }).click();
    await expect(card.getByRole('status')).toHaveText(this.w('settings', 'pinSaved'));
  }
  async saveRetention(attendanceYears: string, auditYears: string) {
    const card = this.retention();
    await card.getByLabel(this.w('settings', 'keepAttendance')).fill(attendanceYears);
    await card.getByLabel(this.w('settings', 'keepAudit')).fill(auditYears);
    await card.getByRole('button', { name: this.w('settings', 'saveLimits') }).click();
  }
}
