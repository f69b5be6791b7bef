// The per-account lockout. Every attempt is counted in SQL before the password is checked, so
// parallel guesses cannot all read the same count: at most MAX_FAILED_LOGINS passwords are ever
// checked per lock window. Unknown emails are counted and locked exactly like real ones, so the
// lockout does not tell an attacker which accounts exist.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { HttpError } from '../../lib/errors.ts';
import * as repo from './auth.repository.ts';

export const MAX_FAILED_LOGINS = 5;
const LOCK_MS = 15 * 60_000;

const locked = (until: string) =>
  new HttpError(423, 'account_locked', `Too many failed attempts; try again after ${until}`);

/** Counts this attempt; throws 423 when the account is locked. Returns the attempt's number. */
export async function reserveAttempt(
  db: Kysely<Database>,
  email: string,
  now: number,
): Promise<number> {
  const row = await repo.findThrottle(db, email);
  if (row?.locked_until) {
    if (Date.parse(row.locked_until) > now) throw locked(row.locked_until);
    await repo.clearExpiredLock(db, email, row.locked_until);
  }
  const { failures } = await repo.reserveLoginAttempt(db, email);
  if (failures > MAX_FAILED_LOGINS) {
    const until = iso(now + LOCK_MS);
    await repo.lockLogin(db, email, until);
    throw locked((await repo.findThrottle(db, email))?.locked_until ?? until);
  }
  return failures;
}

/** After a wrong password: the attempt that reached the limit locks the account. */
export async function failAttempt(db: Kysely<Database>, email: string, n: number, now: number) {
  if (n >= MAX_FAILED_LOGINS) await repo.lockLogin(db, email, iso(now + LOCK_MS));
}
