// The language and words this device shows: the user's own choice, else the organization's
// default, in the organization's terms (a church reads "Service" and "Member"). Signed out, the
// browser's language and the app's own words.
import { organizationTerms, type Language, type Organization, type Terms } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../app-context.ts';
import { applyLanguage, browserLanguage } from '../../i18n/i18n.ts';
import { useSession, type Login } from '../auth/session-store.ts';

/** What `login` (and the organization as last pulled, if newer) says to show. */
export function languageOf(
  login: Login | null,
  org: Organization | undefined = login?.organization,
): { language: Language; terms: Terms | null } {
  if (!login || !org) return { language: browserLanguage(), terms: null };
  const language = login.user.language ?? org.settings.language ?? 'en';
  return { language, terms: organizationTerms(org.settings.labels, language, org.domainType) };
}

/** Applies the language before the first signed-in screen draws (no English flash). */
export const applyLoginLanguage = (login: Login | null) => {
  const { language, terms } = languageOf(login);
  applyLanguage(language, terms);
};

/** For the app shell: follows sign-in, the user's choice and settings pulled from the server. */
export function useOrgLanguage(): void {
  const login = useSession((s) => s.login);
  const org = useLiveQuery(
    () => (login ? db.organizations.get(login.organization.id) : undefined),
    [login],
  );
  useEffect(() => {
    const { language, terms } = languageOf(login, org ?? login?.organization);
    applyLanguage(language, terms);
  }, [login, org]);
}
