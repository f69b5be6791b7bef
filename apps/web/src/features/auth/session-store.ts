// UI and session state only; everything recorded lives in Dexie. The screen lives in the URL
// (app-routes.ts): `go` pushes a history entry, so the back button and a reload keep the screen.
import type { LoginResponse } from '@rollcall/shared';
import { navigate } from 'wouter/use-browser-location';
import { create } from 'zustand';
import { pathFor, screenFor, type Screen } from '../../app-routes.ts';
import type { StationKind } from '../../db/meta.ts';
import { translate } from '../../i18n/i18n.ts';
import { timeIn } from '../../lib/zone-format.ts';

export type { Screen };
export type Login = Omit<LoginResponse, 'credentials'>;

interface SessionState {
  login: Login | null;
  booted: boolean;
  /** The session this device is locked to as a check-in station, or null. */
  station: string | null;
  stationKind: StationKind;
  setStation(sessionId: string | null, kind?: StationKind): void;
  setLogin(login: Login | null): void;
  /** The same account with something of its own changed (its language): no navigation. */
  updateLogin(login: Login): void;
  go(screen: Screen, opts?: { replace?: boolean }): void;
  boot(login: Login | null, station?: string | null, kind?: StationKind): void;
}

export const useSession = create<SessionState>((set) => ({
  login: null,
  booted: false,
  station: null,
  stationKind: 'door',
  // Locking replaces the entry: the back button must not lead a station off its session.
  setStation: (station, stationKind = 'door') => {
    set({ station, stationKind });
    if (station) navigate(pathFor({ name: 'checkin', sessionId: station }), { replace: true });
  },
  setLogin: (login) => {
    set({ login, station: null });
    // Signing in keeps a deep link it was opened on; signing out forgets the screen.
    if (!login || !screenFor(location.pathname))
      navigate(pathFor({ name: 'sessions' }), { replace: true });
  },
  updateLogin: (login) => set({ login }),
  go: (screen, opts) => navigate(pathFor(screen), opts),
  boot: (login, station = null, stationKind = 'door') =>
    set({ login, booted: true, station: login ? station : null, stationKind }),
}));

/** A temporary usher's device refuses new check-ins after expiry, even offline. */
export function assignmentBlock(login: Login | null, nowMs: number): string | null {
  const a = login?.assignment;
  if (!login || login.user.role !== 'temp_usher' || !a) return null;
  const t = translate('auth');
  if (a.status === 'revoked') return t('assignmentRevoked');
  const ends = Date.parse(a.expiresAt);
  if (nowMs >= ends) return t('assignmentEnded', { time: timeIn(ends) });
  return null;
}
