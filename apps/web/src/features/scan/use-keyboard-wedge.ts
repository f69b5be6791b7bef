// USB and Bluetooth barcode scanners type like a keyboard: keys in a quick burst, then Enter. A
// burst is a scan wherever the focus is, so a scan at the door is never typed into the search box
// and lost there: in a text field its characters are taken back out. People type slower, and what
// they type in a field (a name) does not look like a code, so their typing is left alone.
import { parseBadgePayload } from '@rollcall/shared';
import { useEffect, useRef } from 'react';

/**
 * The pause that ends a burst. Slow scanners (Bluetooth, cheap USB) leave up to ~100 ms between
 * keys; what a person types in a field is taken only if it looks like a code, so a margin is cheap.
 */
export const MAX_GAP_MS = 150;
const MIN_LENGTH = 4;
/** No one types six keys in a row this fast: a burst like that is a scanner whatever it says. */
const MACHINE_GAP_MS = 35;
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);
const TEXT_INPUTS = new Set(['text', 'search', 'tel', 'number', 'email', 'url', '']);

type TextField = HTMLInputElement | HTMLTextAreaElement;
interface Burst {
  text: string;
  /** When the last key was pressed. */
  last: number;
  /** The longest time between two key presses (a person is never as quick as a machine). */
  maxGap: number;
  /** The focused field and its content before the burst, to put back if it was a scan. */
  field: { el: TextField; value: string; start: number | null; end: number | null } | null;
}
const NO_BURST: Burst = { text: '', last: -Infinity, maxGap: 0, field: null };

/** A badge, a personal code, or a key: one word with a digit in it. A name has none. */
export const looksLikeCode = (text: string) =>
  parseBadgePayload(text).ok || (/^\S+$/.test(text) && /\d/.test(text));

/** Whether a burst ending in Enter is a scan (in a field, only one that cannot be typing). */
export function isScan(text: string, maxGap: number, inField: boolean) {
  if (text.length < MIN_LENGTH) return false;
  if (!inField) return true;
  return looksLikeCode(text) || (text.length >= 6 && maxGap <= MACHINE_GAP_MS);
}

function textField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.getAttribute('type') ?? ''))
    return target;
  return null;
}

/** Puts a field back as it was, through the native setter so React's onChange sees it. */
function restore({ el, value, start, end }: NonNullable<Burst['field']>) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    if (start !== null) el.setSelectionRange(start, end);
  } catch {
    /* a number field has no selection */
  }
}

function startBurst(target: EventTarget | null, now: number): Burst {
  const el = textField(target);
  return {
    text: '',
    last: now,
    maxGap: 0,
    field: el && { el, value: el.value, start: el.selectionStart, end: el.selectionEnd },
  };
}

export function useKeyboardWedge(onScan: (text: string) => void, enabled = true) {
  // The callback changes with every render that changes the session; a burst must survive that.
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let burst = NO_BURST;
    // When the page last handled a key. A busy page handles keys late, and a driver that waits for
    // each key to be handled (a test, a remote keyboard) presses the next one only then: the pause
    // that tells a burst's end is the idle time since, not the time since the last press.
    let seen = -Infinity;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || MODIFIERS.has(e.key)) return;
      // The time the key was pressed, not when a busy page got round to it.
      const idle = e.timeStamp - Math.max(burst.last, seen);
      seen = performance.now();
      if (e.key === 'Enter') {
        const done = burst;
        burst = NO_BURST;
        // A whole badge in a field is a scan however it got there: a busy device can stall a
        // scanner's burst long enough to split it, and then half of it sits in the field.
        const field = textField(e.target);
        if (field && parseBadgePayload(field.value.trim()).ok) {
          e.preventDefault();
          e.stopPropagation();
          const text = field.value.trim();
          restore({ el: field, value: '', start: 0, end: 0 });
          onScanRef.current(text);
          return;
        }
        // However late the Enter (a busy device, a slow radio), the burst it ends is not dropped.
        if (!isScan(done.text, done.maxGap, done.field !== null)) return;
        // Ours: no form submits it, no focused button clicks on it.
        e.preventDefault();
        e.stopPropagation();
        if (done.field) restore(done.field);
        onScanRef.current(done.text);
      } else if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) {
        burst = NO_BURST;
      } else {
        if (idle > MAX_GAP_MS) burst = startBurst(e.target, e.timeStamp);
        else burst = { ...burst, maxGap: Math.max(burst.maxGap, e.timeStamp - burst.last) };
        burst.text += e.key;
        burst.last = e.timeStamp;
      }
    };
    const onKeyUp = () => {
      seen = performance.now();
    };
    // Capture on the window: before React's handlers and the field's own default action.
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [enabled]);
}
