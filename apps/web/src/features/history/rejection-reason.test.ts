import { DEFAULT_LABELS, organizationTerms, REJECTION_CODES } from '@rollcall/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, translate } from '../../i18n/i18n.ts';
import { rejectionReason } from './rejection-reason.ts';

beforeEach(() => {
  vi.stubGlobal('location', { search: '' });
  vi.stubGlobal('navigator', { languages: ['en-GB'] });
  vi.stubGlobal('document', { documentElement: { lang: '', dir: '' } });
  vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {} });
});

const canceled = { code: 'session_canceled', reason: 'Session "Sunday Service" was canceled' };

describe('a rejected change’s reason', () => {
  it('is said in English with the organization’s words', () => {
    applyLanguage('en', organizationTerms(DEFAULT_LABELS.church, 'en', 'church'));
    expect(rejectionReason(translate('history'), canceled)).toBe('The service was canceled.');
  });

  it('is said in Spanish', () => {
    applyLanguage('es', organizationTerms(DEFAULT_LABELS.church, 'es', 'church'));
    expect(rejectionReason(translate('history'), canceled)).toBe(
      'Cancelación de culto: no admite registros.',
    );
  });

  it('keeps the server’s words for a code this app does not know', () => {
    applyLanguage('es', null);
    const newer = { code: 'moon_phase', reason: 'Recorded during a full moon' };
    expect(rejectionReason(translate('history'), newer)).toBe('Recorded during a full moon');
  });

  it('has words for every code the server sends, in both languages', () => {
    for (const language of ['en', 'es'] as const) {
      applyLanguage(language, null);
      const t = translate('history');
      for (const code of REJECTION_CODES)
        expect(rejectionReason(t, { code, reason: 'server text' })).not.toMatch(
          /server text|reason\./,
        );
    }
  });
});
