// The app's long-lived parts, made once: the device database, the API client and the sync engine.
import { RollcallDb } from './db/db.ts';
import { credentialStore } from './db/meta.ts';
import { createClient } from './lib/api-client.ts';
import { createApi } from './sync/api.ts';
import { requestBackgroundSync } from './sync/background-sync.ts';
import { SyncEngine } from './sync/engine.ts';

export const APP_VERSION = '0.1.0';
export const db = new RollcallDb();
export const api = createApi('', credentialStore(db));
/** The admin API's routes as typed calls (lib/api-client.ts). */
export const { client, remote, files } = createClient(api);
export const engine = new SyncEngine({ db, api, appVersion: APP_VERSION, requestBackgroundSync });
