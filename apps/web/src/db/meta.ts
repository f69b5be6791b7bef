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
  /** The server's clock minus this device's, learnt from the last push (0 until then). */
  clockOffsetMs: number;
  lastPushAt: number;
  lastPullAt: number;
  /** A station device stays on one session's check-in screen until unlocked. */
  station: string | null;
  /** What the locked station shows: the usher's door screen, or the self check-in kiosk. */
  stationKind: StationKind;
  /** Wrong station PINs in a row, and when the last was typed: each makes the next wait longer. */
  stationPinFailures: { count: number; lastAt: number };
}

export type StationKind = 'door' | 'kiosk';

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

/** The device's own counters: they outlive every account signed in on it. */
const DEVICE_KEYS: (keyof MetaShape)[] = ['deviceSeq', 'hlc', 'clockOffsetMs'];

/**
 * Forgets the signed-in account: its credentials, cursor and pulled data. Keeps the outbox (what
 * was recorded here is never dropped) and the device's sequence and clock, so a change queued
 * after the next sign-in never takes the identity of one still kept.
 */
export async function forgetAccount(db: RollcallDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) {
      if (t.name === 'outbox') continue;
      if (t.name === 'meta') await db.meta.where('key').noneOf(DEVICE_KEYS).delete();
      else await t.clear();
    }
  });
}
