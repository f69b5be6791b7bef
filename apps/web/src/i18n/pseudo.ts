// The pseudo-locale: every translated string comes out accented and bracketed ("⟦Ŝàvé⟧"), so a
// browser test can find any visible text that did not go through a catalog: a hard-coded string.
// It is also a third of a word longer, to show where a longer language would not fit.

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdeghiklnorsuwyzABCDEGHIKLNORSUWYZ'].map((c, i) => [
    c,
    [...'àƀçđéĝĥîķĺñöŕšûŵýžÀƁÇĐÉĜĤÎĶĹÑÖŔŠÛŴÝŽ'][i] ?? c,
  ]),
);

// Placeholders ({{name}}, {{count}}) and tags stay as they are: they are filled in later.
const KEEP = /(\{\{[^}]+\}\}|<[^>]+>)/;

export function pseudoString(text: string): string {
  const body = text
    .split(KEEP)
    .map((part) => (KEEP.test(part) ? part : [...part].map((c) => ACCENTED[c] ?? c).join('')))
    .join('');
  // Padding in word-sized pieces: a real language grows by words, which wrap; one run of 40 dots
  // would not, and would fail a layout no translation ever breaks.
  const n = Math.ceil(text.replace(new RegExp(KEEP, 'g'), '').length / 3);
  const pad = (n > 6 ? ' ' : '') + ('·'.repeat(6) + ' ').repeat(Math.floor(n / 6)).trim();
  return `⟦${body}${n > 6 ? pad : '·'.repeat(n)}⟧`;
}

export function pseudoCatalogs(
  catalogs: Record<string, Record<string, string>>,
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(catalogs).map(([ns, messages]) => [
      ns,
      Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, pseudoString(v)])),
    ]),
  );
}
