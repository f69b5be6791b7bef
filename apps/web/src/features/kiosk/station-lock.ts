// Locking a device as a station (the usher's door or the self check-in kiosk) and leaving it. The
// admin's PIN is checked on the device against the verifier pulled with the organization's
// settings, so a station unlocks offline too. Wrong PINs in a row are kept in IndexedDB: a reload
// does not reset the wait.
import { checkStationPin, type OrganizationSettings } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../app-context.ts';
import { getMeta, setMeta, type StationKind } from '../../db/meta.ts';
import { useSession } from '../auth/session-store.ts';
import { pinWaitLeft, pinWaitMs } from './pin-delay.ts';

/** The organization's settings as this device last pulled them (or as sign-in gave them). */
export function useOrgSettings(): OrganizationSettings | undefined {
  const login = useSession((s) => s.login);
  const org = useLiveQuery(
    () => (login ? db.organizations.get(login.organization.id) : undefined),
    [login],
  );
  return org?.settings ?? login?.organization.settings;
}

/** What the door screen shows: everything, unless the device is locked as a station. */
export function useStationView(sessionId: string) {
  const locked = useSession((s) => s.station === sessionId);
  const settings = useOrgSettings();
  if (!locked) return { roster: true, markAll: true };
  const roster = settings?.stationShowsRoster ?? false;
  return { roster, markAll: roster && (settings?.stationAllowsMarkAll ?? false) };
}

export async function lockStation(sessionId: string, kind: StationKind) {
  await setMeta(db, 'stationKind', kind);
  await setMeta(db, 'station', sessionId);
  useSession.getState().setStation(sessionId, kind);
}

export async function unlockStation() {
  await setMeta(db, 'station', null);
  await setMeta(db, 'stationPinFailures', { count: 0, lastAt: 0 });
  useSession.getState().setStation(null);
}

export type UnlockResult = { ok: true } | { ok: false; waitMs: number; wrong: boolean };

/** Checks a PIN, unless the last wrong one is too recent; a wrong one makes the next wait longer. */
export async function tryStationPin(
  pin: string,
  settings: OrganizationSettings | undefined,
): Promise<UnlockResult> {
  const failures = await getMeta(db, 'stationPinFailures');
  const waitMs = pinWaitLeft(failures, Date.now());
  if (waitMs > 0) return { ok: false, waitMs, wrong: false };
  const verifier = settings?.stationPin;
  if (!verifier || (await checkStationPin(pin, verifier))) {
    await unlockStation();
    return { ok: true };
  }
  const count = (failures?.count ?? 0) + 1;
  await setMeta(db, 'stationPinFailures', { count, lastAt: Date.now() });
  return { ok: false, waitMs: pinWaitMs(count), wrong: true };
}
