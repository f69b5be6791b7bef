// UI and session state only; everything recorded lives in Dexie.
import type { LoginResponse } from '@rollcall/shared';
import { create } from 'zustand';

export type Screen =
  | { name: 'sessions' }
  | { name: 'checkin'; sessionId: string }
  | { name: 'live'; sessionId: string }
  | { name: 'conflicts'; focus?: string }
  | { name: 'history'; focus?: string }
  | { name: 'devices' }
  | { name: 'ushers' }
  | { name: 'participants' }
  | { name: 'excuses' }
  | { name: 'audit' }
  | { name: 'schedule' }
  | { name: 'reports' }
  | { name: 'settings' };
export type Login = Omit<LoginResponse, 'credentials'>;

interface SessionState {
  login: Login | null;
  booted: boolean;
  screen: Screen;
  /** The session this device is locked to as a check-in station, or null. */
  station: string | null;
  setStation(sessionId: string | null): void;
  setLogin(login: Login | null): void;
  go(screen: Screen): void;
  boot(login: Login | null, station?: string | null): void;
}

export const useSession = create<SessionState>((set) => ({
  login: null,
  booted: false,
  screen: { name: 'sessions' },
  station: null,
  setStation: (station) =>
    set(station ? { station, screen: { name: 'checkin', sessionId: station } } : { station: null }),
  setLogin: (login) => set({ login, station: null, screen: { name: 'sessions' } }),
  go: (screen) => set({ screen }),
  boot: (login, station = null) =>
    set(
      station && login
        ? { login, booted: true, station, screen: { name: 'checkin', sessionId: station } }
        : { login, booted: true },
    ),
}));

/** A temporary usher's device refuses new check-ins after expiry, even offline. */
export function assignmentBlock(login: Login | null, nowMs: number): string | null {
  const a = login?.assignment;
  if (!login || login.user.role !== 'temp_usher' || !a) return null;
  if (a.status === 'revoked') return 'Your temporary usher assignment was revoked.';
  const ends = Date.parse(a.expiresAt);
  if (nowMs >= ends)
    return `Your temporary usher assignment ended at ${new Date(ends).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. What you recorded before still syncs.`;
  return null;
}
