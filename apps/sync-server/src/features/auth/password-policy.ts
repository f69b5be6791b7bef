// What a new password must be, checked wherever one is set (user creation, an admin's reset, a
// user's own change, a new organization's admin). Admins and managers can read and change every
// record, so their passwords must be longer; no role may use one of the most common passwords.
import { HttpError } from '../../lib/errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

// A role as stored (text): anything that is not admin or manager gets the usher's rule.
export const minPasswordLength = (role: string) =>
  role === 'admin' || role === 'manager' ? 12 : 8;

const ROLE_LABEL: Record<string, string> = {
  admin: 'An administrator’s',
  manager: 'A manager’s',
  usher: 'An usher’s',
  temp_usher: 'A temporary usher’s',
};

/** Throws a 400 `weak_password` naming the field and what is wrong, or returns nothing. */
export function assertPasswordAllowed(
  password: string,
  role: string,
  path = 'body/password',
  context: { email?: string; displayName?: string } = {},
) {
  const min = minPasswordLength(role);
  const weak = (message: string) =>
    new HttpError(400, 'weak_password', message, [{ path, message }]);
  if ([...password].length < min)
    throw weak(`${ROLE_LABEL[role] ?? 'A'} password needs at least ${min} characters`);
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower))
    throw weak('This password is one of the most common passwords; choose another');
  const local = context.email?.toLowerCase().split('@')[0];
  if (
    lower === context.email?.toLowerCase() ||
    (local && local.length >= 4 && lower === local) ||
    lower === context.displayName?.toLowerCase()
  )
    throw weak('The password must not be the email address or the name');
}
