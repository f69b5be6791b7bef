// USB and Bluetooth barcode scanners type like a keyboard: fast keys, then Enter. Capture them
// anywhere on the page, without a focused field; typing in a real field is left alone.
import { useEffect } from 'react';

const MAX_GAP_MS = 60;

export function useKeyboardWedge(onScan: (text: string) => void, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      const now = performance.now();
      if (now - last > MAX_GAP_MS) buffer = '';
      last = now;
      if (e.key === 'Enter') {
        if (buffer.length >= 4) onScan(buffer);
        buffer = '';
      } else if (e.key.length === 1) {
        buffer += e.key;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onScan, enabled]);
}
