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
  'weak_password',
  'account_locked',
  'conflict',
] as const;

export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const t = translate('common');
  // What was wrong is in the server's text (a field's path and rule): it is kept, in brackets.
  if (e.code === 'validation_failed') return t('error.validation_failed', { detail: e.message });
  const code = WORDED.find((c) => c === e.code);
  return code ? t(`error.${code}`) : e.message;
}
