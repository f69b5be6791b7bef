import { DEFAULT_LABELS, organizationTerms } from '@rollcall/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from './fake-browser.ts';
import { applyLanguage, formatLocale, translate } from './i18n.ts';
import { pseudoString } from './pseudo.ts';
import { catalogs } from './resources.ts';

describe('translations', () => {
  beforeEach(() => browser());

  it("speak the organization's words, capitalised at the start and lower-case inside", () => {
    applyLanguage('en', organizationTerms(DEFAULT_LABELS.church, 'en', 'church'));
    const t = translate('auth');
    expect(t('nav.sessions')).toBe('Services');
    expect(t('nav.participants')).toBe('Members');
    applyLanguage('es', organizationTerms(DEFAULT_LABELS.church, 'es', 'church'));
    expect(translate('auth')('nav.sessions')).toBe('Cultos');
    expect(document.documentElement.lang).toBe('es');
  });

  it('choose the plural form, Spanish round millions included', () => {
    applyLanguage('es', null);
    const t = translate('auth');
    expect(t('openConflicts', { count: 1 })).toBe('1 conflicto abierto');
    expect(t('openConflicts', { count: 1_000_000 })).toBe('1000000 conflictos abiertos');
  });

  it('format dates in the browser variant of the language in use', () => {
    applyLanguage('en', null);
    expect(formatLocale()).toBe('en-GB');
    applyLanguage('es', null);
    expect(formatLocale()).toBe('es');
  });

  it('switch to the pseudo-locale (right to left too) when a test asks with ?lang=', () => {
    browser('?lang=pseudo-rtl');
    applyLanguage('es', null);
    expect(translate('common')('save')).toBe(pseudoString('Save'));
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('have every English key in Spanish, with no Spanish text left empty', () => {
    for (const [ns, { en, es }] of Object.entries(catalogs)) {
      expect(Object.keys(es).sort(), ns).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(es))
        expect(text.trim(), `${ns}.${key}`).not.toBe('');
    }
  });
});

describe('the pseudo-locale', () => {
  it('brackets and accents text but keeps placeholders and tags', () => {
    const out = pseudoString('Hello {{name}}, <b>see</b> this');
    expect(out.startsWith('⟦')).toBe(true);
    expect(out.endsWith('⟧')).toBe(true);
    expect(out).toContain('{{name}}');
    expect(out).toContain('<b>');
    expect(out).not.toContain('Hello');
  });
});

describe('presence state names', () => {
  beforeEach(() => browser());

  it('translate a default state that kept its English name, and keep a chosen name', async () => {
    const { stateLabel } = await import('./state-label.ts');
    applyLanguage('es', null);
    expect(stateLabel({ code: 'late', label: 'Late' })).toBe('Tarde');
    expect(stateLabel({ code: 'late', label: 'Llegó tarde' })).toBe('Llegó tarde');
    expect(stateLabel({ code: 'online', label: 'Online' })).toBe('Online');
  });
});
