// The user's own language (or the organization's default): shown at once, kept on this device
// (the stored login, so a reload and an offline start keep it) and sent to the server so the
// user's other devices and the server's e-mails follow. The server may not take it (offline, or
// an older server without the route): the choice stays on the device all the same.
import type { Language } from '@rollcall/shared';
import { client, db } from '../../app-context.ts';
import { applyLoginLanguage } from '../settings/org-language.ts';
import { useSession } from './session-store.ts';

/** 'saved': the server has it too; 'device': only this device does. */
export type LanguageSaved = 'saved' | 'device';

export async function chooseLanguage(language: Language | null): Promise<LanguageSaved> {
  const login = useSession.getState().login;
  if (!login) return 'device';
  const next = { ...login, user: { ...login.user, language } };
  applyLoginLanguage(next);
  useSession.getState().updateLogin(next);
  await db.meta.put({ key: 'login', value: next });
  try {
    await client.me.setLanguage({ language });
    return 'saved';
  } catch {
    return 'device';
  }
}
