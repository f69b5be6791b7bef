// What an usher does, in words: sign in, open a session, check people in four ways.
import { expect, type Page } from '@playwright/test';

export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async login(email: string, password = 'rollcall-demo') {
    await this.page.goto(this.baseUrl);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('heading', { name: 'Today' })).toBeVisible();
    await expect(this.page.getByRole('button', { name: /^Sunday Service/ })).toBeVisible();
  }

  async openSession(name = 'Sunday Service') {
    await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  /** The main navigation: on a phone its links sit behind the Menu button. */
  nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async navTo(label: string | RegExp) {
    const link = this.nav().getByRole('link', {
      name: typeof label === 'string' ? new RegExp(`^${label}`) : label,
    });
    const toggle = this.page.getByRole('button', { name: /^Menu/ });
    if (!(await link.isVisible()) && (await toggle.isVisible())) await toggle.click();
    await link.click();
  }

  feedback() {
    return this.page.getByTestId('feedback');
  }

  async checkInByCode(code: string) {
    await this.page.getByLabel('Personal code or key').fill(code);
    await this.page.getByRole('button', { name: 'Check in', exact: true }).click();
  }

  async checkInByName(query: string, fullName: string) {
    await this.page.getByLabel('Search by name').fill(query);
    await this.page
      .getByRole('list', { name: 'Matching people' })
      .getByRole('button', { name: new RegExp(fullName) })
      .first()
      .click();
  }

  async setState(participantId: string, label: string) {
    await this.page
      .getByTestId(`roster-${participantId}`)
      .getByRole('button', { name: label, exact: true })
      .click();
  }

  pending() {
    return this.page.getByTestId('sync-status');
  }

  async expectPending(n: number) {
    await expect(this.pending()).toHaveAttribute('data-pending', String(n));
  }
}
