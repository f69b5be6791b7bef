// For unit tests: the browser globals applyLanguage touches, as a page would have them.
import { vi } from 'vitest';

export function browser(search = '', languages = ['en-GB', 'en']) {
  const kept = new Map<string, string>();
  vi.stubGlobal('location', { search });
  vi.stubGlobal('navigator', { languages });
  vi.stubGlobal('document', { documentElement: { lang: '', dir: '' } });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
  });
}
