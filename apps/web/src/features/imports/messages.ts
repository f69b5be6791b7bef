// This feature's words in every language the app ships (see i18n/README in i18n/i18n.ts). `es` has
// the type of `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}},
// {{session}}, {{sessions}}, {{Participant}}… are the organization's own words (i18n/terms).
import type { Messages } from '../../i18n/messages.ts';

export const en = {} satisfies Messages;

export const es: Messages<typeof en> = {};
