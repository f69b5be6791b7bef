// Every catalog, by namespace (one per feature folder, `common` for shared words, `app` for the
// shell and the PWA prompts). English is the source; Spanish has the same keys by type.
import * as account from '../features/account/messages.ts';
import * as audit from '../features/audit/messages.ts';
import * as auth from '../features/auth/messages.ts';
import * as conflicts from '../features/conflicts/messages.ts';
import * as devices from '../features/devices/messages.ts';
import * as excuses from '../features/excuses/messages.ts';
import * as history from '../features/history/messages.ts';
import * as imports from '../features/imports/messages.ts';
import * as kiosk from '../features/kiosk/messages.ts';
import * as live from '../features/live/messages.ts';
import * as notifications from '../features/notifications/messages.ts';
import * as participants from '../features/participants/messages.ts';
import * as reports from '../features/reports/messages.ts';
import * as scan from '../features/scan/messages.ts';
import * as schedule from '../features/schedule/messages.ts';
import * as sessions from '../features/sessions/messages.ts';
import * as settings from '../features/settings/messages.ts';
import * as sync from '../features/sync/messages.ts';
import * as ushers from '../features/ushers/messages.ts';
import * as app from '../pwa/messages.ts';
import * as common from './common-messages.ts';

export const catalogs = {
  account,
  app,
  audit,
  auth,
  common,
  conflicts,
  devices,
  excuses,
  history,
  imports,
  kiosk,
  live,
  notifications,
  participants,
  reports,
  scan,
  schedule,
  sessions,
  settings,
  sync,
  ushers,
};

export type Namespace = keyof typeof catalogs;
export type Catalog<N extends Namespace> = (typeof catalogs)[N]['en'];

// Spanish has a "many" plural for round millions (Intl.PluralRules): it reads as "other".
function withMany(messages: Record<string, string>): Record<string, string> {
  const out = { ...messages };
  for (const [key, text] of Object.entries(messages)) {
    const many = key.replace(/_other$/, '_many');
    if (many !== key && !(many in out)) out[many] = text;
  }
  return out;
}

const byLanguage = (pick: 'en' | 'es') =>
  Object.fromEntries(Object.entries(catalogs).map(([ns, c]) => [ns, withMany(c[pick])])) as Record<
    Namespace,
    Record<string, string>
  >;

export const english = byLanguage('en');
export const spanish = byLanguage('es');
