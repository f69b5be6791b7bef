// What an usher does, in words: sign in, open a session, check people in four ways.
import { expect, type Page } from '@playwright/test';
import { englishWords, type Words } from '../support/words.ts';

export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    /** The words of the language the app shows (a Spanish run passes Spanish ones). */
    readonly w: Words = englishWords,
  ) {}

  async login(email: string, password = 'rollcall-demo') {
    await this.page.goto(this.baseUrl);
    await this.page.getByLabel(this.w('auth', 'email')).fill(email);
    await this.page.getByLabel(this.w('auth', 'password')).fill(password);
    await this.page.getByRole('button', { name: this.w('auth', 'signIn') }).click();
    await expect(
      this.page.getByRole('heading', { name: this.w('sessions', 'today') }),
    ).toBeVisible();
    await expect(this.page.getByRole('button', { name: /^Sunday Service/ })).toBeVisible();
  }

  async openSession(name = 'Sunday Service') {
    await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  /** The main navigation: on a phone its links sit behind the Menu button. */
  nav() {
    return this.page.getByRole('navigation', { name: this.w('auth', 'main') });
  }

  async navTo(label: string | RegExp) {
    const link = this.nav().getByRole('link', {
      name: typeof label === 'string' ? new RegExp(`^${label}`) : label,
    });
    const toggle = this.page.getByRole('button', {
      name: new RegExp(`^${this.w('auth', 'menu')}`),
    });
    if (!(await link.isVisible()) && (await toggle.isVisible())) await toggle.click();
    await link.click();
  }

  feedback() {
    return this.page.getByTestId('feedback');
  }

  async checkInByCode(code: string) {
    await this.page.getByLabel(this.w('scan', 'codeLabel')).fill(code);
    await this.page.getByRole('button', { name: this.w('scan', 'checkIn'), exact: true }).click();
  }

  async checkInByName(query: string, fullName: string) {
    await this.page.getByLabel(this.w('scan', 'searchLabel')).fill(query);
    await this.page
      .getByRole('list', { name: this.w('scan', 'matching') })
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
