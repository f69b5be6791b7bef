// A rejected change's reason in the reader's language: the server sends a code with its English
// text, and a code this version of the app does not know yet is shown in the server's words.
import { REJECTION_CODES, type RejectionCode } from '@rollcall/shared';
import type { T } from '../../i18n/i18n.ts';

const isKnown = (code: string): code is RejectionCode =>
  (REJECTION_CODES as readonly string[]).includes(code);

export function rejectionReason(t: T<'history'>, r: { code: string; reason: string }): string {
  return isKnown(r.code) ? t(`reason.${r.code}`) : r.reason;
}
