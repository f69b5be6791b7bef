// A screen opened at one item (from a notification): once the list has loaded, bring the item's
// element into view, mark it and give it focus so a keyboard or screen reader starts there.
import { useEffect } from 'react';

export function useFocusItem(selector: string | null, loaded: number) {
  useEffect(() => {
    const el = selector ? document.querySelector<HTMLElement>(selector) : null;
    if (!el) return;
    el.classList.add('focused');
    el.tabIndex = -1;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [selector, loaded]);
}
