// The app's long-lived parts, made once: the device database, the API client and the sync engine.
import type { Credentials } from '@rollcall/shared';
import { RollcallDb } from './db/db.ts';
import { createApi } from './sync/api.ts';
import { requestBackgroundSync } from './sync/background-sync.ts';
import { SyncEngine } from './sync/engine.ts';

export const APP_VERSION = '0.1.0';
export const db = new RollcallDb();
export const api = createApi('', {
  get: async () => (await db.meta.get('credentials'))?.value as Credentials | undefined,
  set: async (c) => void (await db.meta.put({ key: 'credentials', value: c })),
});
export const engine = new SyncEngine({ db, api, appVersion: APP_VERSION, requestBackgroundSync });
