// Small typed key-value state kept in IndexedDB: credentials, cursor, counters, clock.
import type { Credentials, LoginResponse } from '@rollcall/shared';
import type { Hlc } from '@rollcall/conflict';
import type { RollcallDb } from './db.ts';

export interface MetaShape {
  credentials: Credentials;
  login: Omit<LoginResponse, 'credentials'>;
  cursor: string;
  deviceSeq: number;
  hlc: Hlc;
  lastPushAt: number;
  lastPullAt: number;
  /** A station device stays on one session's check-in screen until unlocked. */
  station: string | null;
}

export async function getMeta<K extends keyof MetaShape>(
  db: RollcallDb,
  key: K,
): Promise<MetaShape[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaShape[K] | undefined;
}

export async function setMeta<K extends keyof MetaShape>(
  db: RollcallDb,
  key: K,
  value: MetaShape[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

/** The device's credentials as the API client stores them (the page and the service worker). */
export const credentialStore = (db: RollcallDb) => ({
  get: () => getMeta(db, 'credentials'),
  set: (c: Credentials) => setMeta(db, 'credentials', c),
});
