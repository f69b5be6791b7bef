// One usher's phone at the door during a service: every way of checking someone in, each waited
// for until the device confirms it (the banner names the person and the headcount moves), then
// written in the ledger, so the test knows exactly what this device recorded.
import { expect, type Browser, type BrowserContext } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import type { Ledger } from '../support/service-ledger.ts';
import { AppPage } from './app-page.ts';

const ARRIVED = new Set(['present', 'late']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fullName = (p: Participant) => `${p.firstName} ${p.lastName}`;

export class UsherDevice extends AppPage {
  /** People this device shows as here (present or late), as the test expects it. */
  private here = 0;

  private constructor(
    readonly context: BrowserContext,
    baseUrl: string,
    page: AppPage['page'],
    readonly email: string,
    private readonly ledger: Ledger,
  ) {
    super(page, baseUrl);
  }

  static async open(
    browser: Browser,
    baseUrl: string,
    email: string,
    ledger: Ledger,
    opts: { camera?: boolean } = {},
  ) {
    const context = await browser.newContext(opts.camera ? { permissions: ['camera'] } : {});
    const device = new UsherDevice(context, baseUrl, await context.newPage(), email, ledger);
    await device.login(email);
    // The service worker must control the page before it can reload offline.
    await device.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await device.openSession();
    return device;
  }

  async setOffline(offline: boolean) {
    await this.context.setOffline(offline);
  }

  headcount() {
    return this.page.getByTestId('headcount').locator('strong');
  }

  /**
   * The device shows the state on the roster, counts the person (or not) in the headcount and,
   * for a check-in, names them in the banner. The headcount moving by one proves a new record,
   * not the previous banner.
   */
  private async confirmed(p: Participant, state: string, method: string, banner?: RegExp) {
    if (ARRIVED.has(state)) this.here += 1;
    const label = state[0]!.toUpperCase() + state.slice(1);
    // Polled in the page every 20 ms first: expect's back-off (100 ms, 250 ms, …) would cost more
    // than the check-in itself, a few hundred times over. The expects then pass at once, or fail
    // with a message a person can read.
    await this.page
      .waitForFunction(
        ({ id, label, here, banner }) => {
          const q = (s: string) => document.querySelector(s)?.textContent ?? '';
          return (
            q(`[data-testid="roster-${id}"] button[aria-pressed="true"]`) === label &&
            q('[data-testid="headcount"] strong') === String(here) &&
            (!banner || new RegExp(banner).test(q('[data-testid="feedback"]')))
          );
        },
        { id: p.id, label, here: this.here, banner: banner?.source },
        { polling: 20, timeout: 10_000 },
      )
      .catch(() => {});
    if (banner) await expect(this.feedback()).toHaveText(banner);
    await expect(
      this.page.getByTestId(`roster-${p.id}`).getByRole('button', { name: label, exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(this.headcount()).toHaveText(String(this.here));
    this.ledger.add({ usher: this.email, participantId: p.id, state, method });
  }

  /** A check-in says "Checked in" (present), not "Checked in — late". */
  private checkedIn(p: Participant, method: string) {
    return this.confirmed(
      p,
      'present',
      method,
      new RegExp(`${escape(fullName(p))}\\s*Checked in$`),
    );
  }

  async byCode(p: Participant) {
    await this.checkInByCode(p.personalCode);
    await this.checkedIn(p, 'code');
  }

  async byName(p: Participant) {
    await this.page.getByLabel('Search by name').fill(fullName(p));
    await this.page
      .getByRole('list', { name: 'Matching people' })
      .getByRole('button', { name: new RegExp(`^${escape(fullName(p))}\\s+${p.personalCode}$`) })
      .click();
    await this.checkedIn(p, 'search');
  }

  /** A roster toggle: Present, Late, Absent or Excused. */
  async tap(p: Participant, label: string) {
    await this.setState(p.id, label);
    await this.confirmed(p, label.toLowerCase(), 'manual');
  }

  /** Opens the camera and keeps it on until every one of these badges was read. */
  async scan(people: Participant[]) {
    await this.page.getByRole('button', { name: 'Scan badges with the camera' }).click();
    for (const p of people)
      await expect(
        this.page
          .getByTestId(`roster-${p.id}`)
          .getByRole('button', { name: 'Present', exact: true }),
      ).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
    await this.page.getByRole('button', { name: 'Stop camera' }).click();
    this.here += people.length;
    await expect(this.headcount()).toHaveText(String(this.here));
    for (const p of people)
      this.ledger.add({ usher: this.email, participantId: p.id, state: 'present', method: 'qr' });
  }

  /** Reloads the app with the network off: it must come back with everything it recorded. */
  async reloadOffline() {
    await this.page.reload();
    // The URL keeps the session's check-in screen across a reload, offline too.
    await expect(this.page.getByRole('heading', { name: 'Sunday Service' })).toBeVisible();
    await expect(this.pending()).toContainText('Offline');
    await expect(this.headcount()).toHaveText(String(this.here));
  }

  close() {
    return this.context.close();
  }
}
