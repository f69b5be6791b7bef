// "Language: Organization default (English) / English / Español" in the account area, for every
// role. Each language is named in itself, so a user lost in the wrong one still finds their own.
import type { Language } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { db } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { useSession } from './session-store.ts';
import { chooseLanguage, type LanguageSaved } from './user-language.ts';

const NAMES: Record<Language, string> = { en: 'English', es: 'Español' };
const DEFAULT = 'default';

export function LanguageChoice() {
  const login = useSession((s) => s.login);
  const common = useT('common');
  const t = useT('auth');
  const id = useId();
  const [saved, setSaved] = useState<LanguageSaved | null>(null);
  // The organization as last pulled (an admin may have changed its default since signing in).
  const org = useLiveQuery(
    () => (login ? db.organizations.get(login.organization.id) : undefined),
    [login?.organization.id],
  );
  if (!login) return null;
  const orgLanguage = (org ?? login.organization).settings.language ?? 'en';
  const value = login.user.language ?? DEFAULT;

  const choose = async (v: string) => {
    setSaved(null);
    setSaved(await chooseLanguage(v === DEFAULT ? null : (v as Language)));
  };

  return (
    <span className="language-choice">
      <label htmlFor={id} className="muted">
        {common('language')}
      </label>{' '}
      <select id={id} value={value} onChange={(e) => void choose(e.target.value)}>
        <option value={DEFAULT}>{common('languageDefault', { name: NAMES[orgLanguage] })}</option>
        {(Object.keys(NAMES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l} translate="no">
            {NAMES[l]}
          </option>
        ))}
      </select>
      {saved === 'device' && (
        <span className="muted" role="status">
          {' '}
          {t('savedOnDevice')}
        </span>
      )}
    </span>
  );
}
