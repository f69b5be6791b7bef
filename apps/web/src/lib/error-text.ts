// A failed request in the user's words. The server words its refusals in English for logs and
// API clients; the codes an admin meets are said here in the language of the screen, and any
// other comes as the server wrote it rather than as nothing.
import { translate } from '../i18n/i18n.ts';
import { ApiError } from '../sync/api.ts';

const WORDED = [
  'not_found',
  'forbidden',
  'unauthorized',
  'token_expired',
  'email_taken',
  'already_decided',
  'assignment_not_active',
  'code_taken',
  'last_admin',
  'totp_enabled',
  'totp_not_started',
  'wrong_password',
  'account_locked',
  'conflict',
] as const;

export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const t = translate('common');
  // What was wrong is in the server's text (a field's path and rule): it is kept, in brackets.
  if (e.code === 'validation_failed') return t('error.validation_failed', { detail: e.message });
  if (e.code === 'weak_password') return weakPassword(e.message, t);
  const code = WORDED.find((c) => c === e.code);
  return code ? t(`error.${code}`) : e.message;
}

/**
 * One code for three rules (server: auth/password-policy.ts); its sentence says which one was
 * broken, and the person needs to know which. A sentence not recognised gets all three rules.
 */
function weakPassword(message: string, t: ReturnType<typeof translate<'common'>>): string {
  const min = /at least (\d+) characters/.exec(message)?.[1];
  if (min) return t('error.weak_password.short', { min });
  if (/most common passwords/.test(message)) return t('error.weak_password.common');
  if (/email address or the name/.test(message)) return t('error.weak_password.personal');
  return t('error.weak_password');
}
