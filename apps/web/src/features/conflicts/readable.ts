// Words instead of codes on the conflict screen: state labels, how a version was recorded, who
// recorded it on which device and when, all in one stated time zone.
import type { ConflictVersion, PresenceState } from '@rollcall/shared';

const METHOD_LABELS: Record<string, string> = {
  qr: 'QR scan',
  code: 'code',
  search: 'search',
  manual: 'roster',
  bulk: 'bulk marking',
  self: 'self check-in',
  resolution: 'conflict resolution',
  import: 'import',
};
export const methodLabel = (m: string) => METHOD_LABELS[m] ?? m;

export function stateLabeler(states: PresenceState[]) {
  const byCode = new Map(states.map((s) => [s.code, s.label]));
  return (code: string | null) => (code === null ? 'cleared' : (byCode.get(code) ?? code));
}

export function timeIn(zone: string, iso: string | null | undefined, withDate = true) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString([], {
    timeZone: zone,
    ...(withDate ? { dateStyle: 'medium' } : {}),
    timeStyle: 'short',
  });
}

/** "Ana" from "Ana Usher": the button names a person the admin knows by first name. */
const firstName = (v: ConflictVersion) => (v.userName ?? 'Unknown usher').split(' ')[0];
const deviceOf = (v: ConflictVersion) => v.deviceName ?? `device …${v.deviceId.slice(-4)}`;

/** "Keep Ana's (Front door, 9:02)"; the device and the time tell two versions by one usher apart. */
export const keepLabel = (v: ConflictVersion, zone: string) =>
  `Keep ${firstName(v)}'s (${deviceOf(v)}, ${timeIn(zone, v.recordedAt, false)})`;
