// A presence state's name on screen. The four default states are created in English; while an
// organization keeps a default's English name, the app says it in the user's language. A name the
// organization chose itself is shown as written.
import { DEFAULT_PRESENCE_STATES } from '@rollcall/shared';
import { translate } from './i18n.ts';

const DEFAULT_NAMES = new Map<string, string>(
  DEFAULT_PRESENCE_STATES.map((s) => [s.code, s.label]),
);

type DefaultCode = (typeof DEFAULT_PRESENCE_STATES)[number]['code'];

export function stateLabel(state: { code: string; label: string }): string {
  if (DEFAULT_NAMES.get(state.code) !== state.label) return state.label;
  return translate('common')(`state.${state.code as DefaultCode}`);
}
