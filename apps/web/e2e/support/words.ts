// The app's own words for a spec, from the catalogs the screens use: a page model that finds a
// button by `w('conflicts', 'keepSide', …)` works in English and in Spanish, and a renamed key
// fails the type check instead of a run.
import type { DEFAULT_PRESENCE_STATES } from '@rollcall/shared';
import {
  organizationTerms,
  termVariables,
  type Language,
  type OrganizationSettings,
} from '@rollcall/shared';
import i18next, { type TOptions } from 'i18next';
type Labels = OrganizationSettings['labels'];
import type { MessageKey } from '../../src/i18n/messages.ts';
import { english, spanish, type Catalog, type Namespace } from '../../src/i18n/resources.ts';

export interface Words {
  readonly language: Language;
  <N extends Namespace>(ns: N, key: MessageKey<Catalog<N>>, options?: TOptions): string;
  /** A default presence state's name as the app shows it ("Present" / "Presente"). */
  state(code: (typeof DEFAULT_PRESENCE_STATES)[number]['code']): string;
}

/** The words the screens use in `language`, with the organization's `labels` as its terms. */
export function wordsIn(language: Language, labels: Labels, domainType?: string): Words {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: english, es: spanish },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const vars = termVariables(organizationTerms(labels, language, domainType));
  const t = i18n.t as unknown as (key: string, options: TOptions) => string;
  const w = (<N extends Namespace>(ns: N, key: MessageKey<Catalog<N>>, options?: TOptions) =>
    t(key, { ...vars, ...options, ns })) as Words;
  Object.assign(w, {
    language,
    state: (code: string) => t(`state.${code}`, { ns: 'common' }),
  });
  return w;
}

/** The words of the specs' organizations (launchServer gives them the app's neutral words). */
export const NEUTRAL_LABELS: Labels = {
  session: 'Session',
  participant: 'Participant',
  group: 'Group',
};
/** A Spanish organization names them in Spanish. */
export const SPANISH_LABELS: Labels = {
  session: 'Sesión',
  participant: 'Participante',
  group: 'Grupo',
};

export const englishWords = wordsIn('en', NEUTRAL_LABELS);

/** For a message inside a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message up to where `§` was put for a value the spec does not know (a time, a date). */
export const upTo = (text: string) => text.slice(0, text.indexOf('§')).trimEnd();
