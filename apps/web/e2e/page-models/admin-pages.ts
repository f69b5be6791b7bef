// The admin's screens, in the words an admin would use: each model reaches its screen through the
// navigation and names what is on it, so specs read as steps instead of locators.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './app-page.ts';

const byName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A roster row on the usher's check-in screen. */
export class RosterRow {
  constructor(readonly row: Locator) {}
  static of(page: Page, participantId: string) {
    return new RosterRow(page.getByTestId(`roster-${participantId}`));
  }
  static first(page: Page) {
    return new RosterRow(
      page
        .getByRole('list')
        .filter({ has: page.getByTestId(/^roster-/) })
        .getByTestId(/^roster-/)
        .first(),
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
    return this.row.getByText('an admin will check');
  }
}

export class ConflictsPage {
  constructor(readonly page: Page) {}
  static async open(app: AppPage) {
    await app.navTo(/Conflicts/);
    return new ConflictsPage(app.page);
  }
  async expectOpen(n: number) {
    await expect(this.page.getByRole('heading', { name: /Conflicts/ })).toContainText(`${n} open`);
  }
  card(person: { firstName: string; lastName: string }) {
    return this.page.getByRole('listitem', { name: `Conflict for ${byName(person)}` });
  }
  async keep(person: { firstName: string; lastName: string }, side: 'A' | 'B', note?: string) {
    const card = this.card(person);
    if (note) await card.getByLabel('Note (optional)').fill(note);
    await card.getByRole('button', { name: new RegExp(`^Keep ${side}`) }).click();
  }
  /** Selects every matching conflict, previews the rule, checks the preview and applies it. */
  async resolveAllAs(count: number, state: string, preview: string) {
    await this.page.getByRole('button', { name: `Select all ${count} matching` }).click();
    const bulk = this.page.getByRole('region', { name: 'Bulk resolution' });
    await bulk.getByLabel('Rule for all selected').selectOption(state);
    await bulk.getByRole('button', { name: 'Preview' }).click();
    await expect(bulk.getByRole('region', { name: 'Preview' })).toContainText(preview);
    await bulk.getByRole('button', { name: `Resolve ${count}` }).click();
  }
  async show(status: 'open' | 'resolved') {
    await this.page.getByLabel('Status').selectOption(status);
  }
  emptyMessage() {
    return this.page.getByText('Nothing to resolve.');
  }
}

export class AuditPage {
  constructor(readonly page: Page) {}
  static async open(app: AppPage) {
    await app.navTo('Audit log');
    return new AuditPage(app.page);
  }
  async filterAction(action: string) {
    await this.page.getByLabel('Action').fill(action);
  }
  heading() {
    return this.page.getByRole('heading', { name: /Audit log/ });
  }
  table() {
    return this.page.getByRole('table');
  }
}

export class LivePage {
  constructor(readonly page: Page) {}
  /** From the session list, the "Live arrivals" button of a session. */
  static async open(app: AppPage, session: string) {
    await app.page.getByRole('button', { name: `Live arrivals for ${session}` }).click();
    const live = new LivePage(app.page);
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
  constructor(readonly page: Page) {}
  static async open(app: AppPage) {
    await app.navTo('Participants');
    return new ParticipantsPage(app.page);
  }
  /** Finds someone by code and opens their attendance history. */
  async history(p: { personalCode: string; firstName: string; lastName: string }) {
    await this.page.getByLabel('Search participants').fill(p.personalCode);
    await this.page
      .getByRole('row')
      .filter({ hasText: p.personalCode })
      .getByRole('button', { name: 'History' })
      .click();
    return this.page.getByRole('region', { name: `Attendance of ${byName(p)}` });
  }
}

export class UshersPage {
  constructor(readonly page: Page) {}
  static async open(app: AppPage) {
    await app.navTo('Ushers');
    return new UshersPage(app.page);
  }
  row(email: string) {
    return this.page.getByTestId(`user-${email}`);
  }
  /** Revokes a temporary usher's assignment, accepting the confirmation. */
  async revoke(email: string) {
    this.page.once('dialog', (d) => void d.accept());
    await this.row(email).getByRole('button', { name: 'Revoke' }).click();
  }
}

export class SchedulePage {
  constructor(readonly page: Page) {}
  static async open(app: AppPage) {
    await app.navTo('Schedule');
    return new SchedulePage(app.page);
  }
  async createWeekly(name: string, weeks: number) {
    const form = this.page.getByRole('form', { name: 'New session' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Repeat weekly for (weeks)').fill(String(weeks));
    await form.getByRole('button', { name: 'Create' }).click();
  }
  rows(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }
  async showEarlier() {
    await this.page.getByRole('button', { name: 'Show earlier' }).click();
  }
  /** Opens the edit form of the session named `name` (the first such row). */
  async edit(name: string) {
    await this.rows(name)
      .first()
      .getByRole('button', { name: new RegExp(`^Edit ${name}`) })
      .click();
    return this.page.getByRole('form', { name: `Edit ${name}` });
  }
  groups() {
    return this.page.getByRole('region', { name: 'Groups' });
  }
  async addGroup(name: string) {
    await this.groups().getByLabel('New group name').fill(name);
    await this.groups().getByRole('button', { name: 'Add group' }).click();
  }
}

export class SettingsPage {
  constructor(readonly page: Page) {}
  static async open(app: AppPage) {
    await app.navTo('Settings');
    return new SettingsPage(app.page);
  }
  stateLabel(code: string) {
    return this.page.getByLabel(`Label of ${code}`);
  }
  async renameState(code: string, label: string) {
    await this.stateLabel(code).fill(label);
    await this.stateLabel(code).blur();
  }
  async addState(code: string, label: string) {
    const add = this.page.getByRole('form', { name: 'Add a presence state' });
    await add.getByLabel('New state code').fill(code);
    await add.getByLabel('New state label').fill(label);
    await add.getByRole('button', { name: 'Add state' }).click();
  }
  organization() {
    return this.page.getByRole('form', { name: 'Organization settings' });
  }
  async setTimeZone(zone: string) {
    const form = this.organization();
    await form.getByLabel('Time zone').fill(zone);
    await form.getByRole('button', { name: 'Save' }).click();
  }
  retention() {
    return this.page.getByRole('form', { name: 'Data retention' });
  }
  stations() {
    return this.page.getByRole('region', { name: 'Check-in stations' });
  }
  async setStationPin(pin: string) {
    const card = this.stations();
    await card.getByLabel('New station PIN (4 to 6 digits)').fill(pin);
    await card.getByRole('button', { name: 'Set PIN' }).click();
    await expect(card.getByRole('status')).toHaveText(/PIN saved/);
  }
  async saveRetention(attendanceYears: string, auditYears: string) {
    const card = this.retention();
    await card.getByLabel('Keep attendance (years)').fill(attendanceYears);
    await card.getByLabel('Keep the audit log (years)').fill(auditYears);
    await card.getByRole('button', { name: 'Save limits' }).click();
  }
}
