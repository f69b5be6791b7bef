// Every word on screen goes through here: i18next holds the catalogs (resources.ts), a small
// store holds the language in use and the organization's words, and `useT(namespace)` gives a
// component its `t`. Language: this user's choice, else the organization's default, else (signed
// out) the browser's. `?lang=pseudo` / `?lang=pseudo-rtl` switch a test browser to the
// pseudo-locale (every translated string bracketed; the RTL one also lays the page out right to left).
import { LANGUAGES, termVariables, type Language, type Terms } from '@rollcall/shared';
import i18next, { type TOptions } from 'i18next';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { MessageKey } from './messages.ts';
import { pseudoCatalogs } from './pseudo.ts';
import { english, spanish, type Catalog, type Namespace } from './resources.ts';

export type AppLanguage = Language | 'pseudo' | 'pseudo-rtl';
const PSEUDO = ['pseudo', 'pseudo-rtl'] as const;
const OVERRIDE_KEY = 'rollcall.lang';

const i18n = i18next.createInstance();
const pseudo = pseudoCatalogs(english);
void i18n.init({
  resources: { en: english, es: spanish, pseudo, 'pseudo-rtl': pseudo },
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

interface I18nState {
  language: AppLanguage;
  vars: Record<string, string>;
}

const DEFAULT_TERMS: Terms = {
  session: 'Session',
  sessions: 'Sessions',
  participant: 'Participant',
  participants: 'Participants',
  group: 'Group',
  groups: 'Groups',
};

const useI18n = create<I18nState>(() => ({
  language: 'en',
  vars: termVariables(DEFAULT_TERMS),
}));

const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);
const isAppLanguage = (v: unknown): v is AppLanguage =>
  isLanguage(v) || PSEUDO.includes(v as (typeof PSEUDO)[number]);

/** A test or a translator's override (`?lang=`), kept for the tab's life. */
function override(): AppLanguage | null {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isAppLanguage(asked)) sessionStorage.setItem(OVERRIDE_KEY, asked);
  const kept = sessionStorage.getItem(OVERRIDE_KEY);
  return isAppLanguage(kept) ? kept : null;
}

/** Signed out: the browser's language if the app speaks it. */
export function browserLanguage(): Language {
  const found = navigator.languages
    .map((l) => l.slice(0, 2).toLowerCase())
    .find((l): l is Language => isLanguage(l));
  return found ?? 'en';
}

/** Switches every screen to `language` and the organization's `terms` (null: the app's defaults). */
export function applyLanguage(language: Language, terms: Terms | null): void {
  const lang = override() ?? language;
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang.startsWith('pseudo') ? 'en-XA' : lang;
  document.documentElement.dir = lang === 'pseudo-rtl' ? 'rtl' : 'ltr';
  const vars = termVariables(terms ?? DEFAULT_TERMS);
  const now = useI18n.getState();
  if (now.language !== lang || JSON.stringify(now.vars) !== JSON.stringify(vars))
    useI18n.setState({ language: lang, vars });
}

/** The locale for `Intl` (dates, numbers): the browser's own variant when it speaks the same
 * language ("en-GB" writes 7 March before March), otherwise the app's language. */
export function formatLocale(): string {
  const lang = useI18n.getState().language;
  const base = lang.startsWith('pseudo') ? 'en' : lang;
  return navigator.languages.find((l) => l.toLowerCase().startsWith(base)) ?? base;
}

export type T<N extends Namespace> = (key: MessageKey<Catalog<N>>, options?: TOptions) => string;

function bind<N extends Namespace>(ns: N, vars: Record<string, string>): T<N> {
  // The organization's words come first so a caller's own value ({{name}}) is never shadowed.
  // i18next's own key typing is not configured (catalogs are checked by MessageKey instead).
  const t = i18n.t as unknown as (key: string, options: TOptions) => string;
  return (key, options) => t(key, { ...vars, ...options, ns });
}

/** A component's words from catalog `ns`; it re-renders when the language or the terms change. */
export function useT<N extends Namespace>(ns: N): T<N> {
  const language = useI18n((s) => s.language);
  const vars = useI18n((s) => s.vars);
  // `language` is a dependency on purpose: the same bound `t` answers differently after a switch.
  return useMemo(() => bind(ns, vars), [ns, vars, language]);
}

/** Outside React (the sync engine's messages, a download's name): the words as they are now. */
export function translate<N extends Namespace>(ns: N): T<N> {
  return bind(ns, useI18n.getState().vars);
}
