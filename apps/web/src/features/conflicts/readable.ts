// Words instead of codes on the conflict screen: state labels, how a version was recorded, who
// recorded it on which device and when, all in one stated time zone. The words are looked up when
// a screen asks for them (not at load), so a change of language shows at once.
import type { ConflictVersion, PresenceState } from '@rollcall/shared';
import { formatLocale, translate } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';

const METHODS = ['qr', 'code', 'search', 'manual', 'bulk', 'self', 'resolution', 'import'] as const;
const isMethod = (m: string): m is (typeof METHODS)[number] =>
  (METHODS as readonly string[]).includes(m);

/** How a record was made, in words ("QR scan"); a method this app does not know shows as sent. */
export const methodLabel = (m: string) => (isMethod(m) ? translate('conflicts')(`method.${m}`) : m);

export function stateLabeler(states: PresenceState[]) {
  const byCode = new Map(states.map((s) => [s.code, s]));
  return (code: string | null) => {
    if (code === null) return translate('conflicts')('cleared');
    const state = byCode.get(code);
    return state ? stateLabel(state) : code;
  };
}

export function timeIn(zone: string, iso: string | null | undefined, withDate = true) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(formatLocale(), {
    timeZone: zone,
    ...(withDate ? { dateStyle: 'medium' } : {}),
    timeStyle: 'short',
  });
}

/** "Ana" from "Ana Usher": the button names a person the admin knows by first name. */
const firstName = (v: ConflictVersion) =>
  (v.userName ?? translate('conflicts')('unknownUsher')).split(' ')[0];
const deviceOf = (v: ConflictVersion) =>
  v.deviceName ?? translate('conflicts')('deviceEnding', { id: v.deviceId.slice(-4) });

/** "Keep Ana's (Front door, 9:02)"; the device and the time tell two versions by one usher apart. */
export const keepLabel = (v: ConflictVersion, zone: string) =>
  translate('conflicts')('keep', {
    name: firstName(v),
    device: deviceOf(v),
    time: timeIn(zone, v.recordedAt, false),
  });

/** The conflict in one sentence, from its versions ("One device recorded Present at 9:02 (QR
 * scan) while another recorded Absent at 9:05 (roster)"); the server's own sentence is English. */
export function explanation(
  c: { versionA: ConflictVersion; versionB: ConflictVersion; otherVersions: ConflictVersion[] },
  fmt: { state(code: string | null): string; zone: string },
) {
  const t = translate('conflicts');
  const one = (v: ConflictVersion) =>
    t('versionAt', {
      state: fmt.state(v.state),
      time: timeIn(fmt.zone, v.recordedAt, false),
      method: methodLabel(v.method),
    });
  const others = new Intl.ListFormat(formatLocale(), { type: 'conjunction' }).format(
    [c.versionB, ...c.otherVersions].map((v) => t('anotherRecorded', { version: one(v) })),
  );
  return t('explain', { first: one(c.versionA), others });
}
