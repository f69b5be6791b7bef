import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, translate } from '../../i18n/i18n.ts';
import { weekLabel } from './week-label.ts';

function browser(languages: string[]) {
  vi.stubGlobal('location', { search: '' });
  vi.stubGlobal('navigator', { languages });
  vi.stubGlobal('document', { documentElement: { lang: '', dir: '' } });
  vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {} });
}

describe('a trends week', () => {
  beforeEach(() => browser(['en-GB', 'en']));

  it('is named by its first day in English, whatever the device’s zone', () => {
    applyLanguage('en', null);
    expect(weekLabel(translate('reports'), '2026-11-23')).toBe('Week of 23 Nov');
  });

  it('is named by its first day in Spanish', () => {
    browser(['es-ES', 'es']);
    applyLanguage('es', null);
    expect(weekLabel(translate('reports'), '2026-11-23')).toBe('Semana del 23 nov');
  });
});
