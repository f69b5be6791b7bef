// Finds text on the page that did not come through a catalog. In the pseudo-locale every
// translated string is bracketed (⟦…⟧, src/i18n/pseudo.ts); whatever words remain outside the
// brackets are either the organization's data (names, places: `dataWords`), an element marked
// `translate="no"`, something `Intl` wrote (month and day names), or a hard-coded string.
import type { Page } from '@playwright/test';
import { adminApi } from './server.ts';

// Product names and abbreviations that every language writes the same.
const UNIVERSAL = ['rollcall', 'qr', 'csv', 'pdf', 'pin', 'ios', 'utc', 'gmt', 'am', 'pm', 'id'];

interface Named {
  name?: string | null;
  firstName?: string;
  lastName?: string;
  preferredName?: string | null;
  guardianName?: string | null;
  displayName?: string;
  email?: string;
  location?: string | null;
  label?: string;
}

/** Every word of the demo organization's own data, lower-cased. */
export async function dataWords(url: string): Promise<string[]> {
  const api = await adminApi(url);
  const lists = await Promise.all(
    ['participants', 'users', 'devices', 'sessions', 'groups', 'presence-states'].map(
      async (path) => {
        const body = await api.get<{ items?: Named[] } | Named[]>(`/api/v1/${path}`);
        return Array.isArray(body) ? body : (body.items ?? []);
      },
    ),
  );
  const org = await api.get<{ name: string }>('/api/v1/organization');
  const text = [org.name, ...lists.flat().flatMap((r) => Object.values(r))]
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
  return [...new Set(text.toLowerCase().match(/\p{L}{2,}/gu) ?? [])];
}

/** What the page shows outside the catalogs: text nodes and labels read aloud or shown on hover. */
export function hardCodedText(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate(
    ({ data, universal }) => {
      const allowed = new Set([...data, ...universal]);
      // Names `Intl` writes in the pseudo-locale's formatting language (English).
      for (let m = 0; m < 12; m++)
        for (const month of ['short', 'long'] as const)
          allowed.add(new Date(2026, m, 1).toLocaleString('en', { month }).toLowerCase());
      for (let d = 1; d <= 7; d++)
        for (const weekday of ['short', 'long'] as const)
          allowed.add(new Date(2026, 1, d).toLocaleString('en', { weekday }).toLowerCase());
      const found: string[] = [];
      const check = (text: string | null, where: string) => {
        // Innermost brackets first: a translated word inside a translated sentence ("“⟦Present⟧”
        // taken back") nests one pair in another.
        let outside = text ?? '';
        while (/⟦[^⟦⟧]*⟧/.test(outside)) outside = outside.replace(/⟦[^⟦⟧]*⟧/g, ' ');
        const words = (outside.match(/\p{L}{2,}/gu) ?? []).filter(
          (w) => !allowed.has(w.toLowerCase()),
        );
        if (words.length) found.push(`${where}: "${(text ?? '').trim().slice(0, 80)}"`);
      };
      const skip = (el: Element | null) =>
        !el ||
        el.closest('[translate="no"], script, style, noscript') !== null ||
        !el.checkVisibility({ visibilityProperty: true });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!skip(node.parentElement)) check(node.textContent, node.parentElement?.tagName ?? '');
      }
      for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
        if (skip(el)) continue;
        for (const attr of ['aria-label', 'placeholder', 'title', 'alt'])
          if (el.hasAttribute(attr)) check(el.getAttribute(attr), `${el.tagName}[${attr}]`);
      }
      return found;
    },
    { data, universal: UNIVERSAL },
  );
}
