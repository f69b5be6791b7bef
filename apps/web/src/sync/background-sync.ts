// Background Sync: the page asks the browser to wake the service worker once connectivity returns;
// the worker pushes the outbox with the same code and the same Web Lock as the page's engine, so
// the two never push at once and every entry is still settled by its own result.
import { RollcallDb } from '../db/db.ts';
import { credentialStore } from '../db/meta.ts';
import { createApi } from './api.ts';
import { pushOutbox } from './push-outbox.ts';

export const OUTBOX_SYNC_TAG = 'rollcall-outbox';
export const SYNC_LOCK = 'rollcall-sync';

interface SyncManager {
  register(tag: string): Promise<void>;
}

/** Page side: ask for a wake-up when the network is back. Harmless where unsupported. */
export async function requestBackgroundSync(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- `sync` is not in every lib's ServiceWorkerRegistration; the cast says it may be missing
  const reg = (await navigator.serviceWorker.getRegistration()) as
    (ServiceWorkerRegistration & { sync?: SyncManager }) | undefined;
  if (!reg?.sync) return false;
  await reg.sync.register(OUTBOX_SYNC_TAG);
  return true;
}

/** Worker side: push what is pending; throws (so the browser retries) if the server is unreachable. */
export async function drainInWorker(appVersion = 'service-worker'): Promise<void> {
  const db = new RollcallDb();
  try {
    const api = createApi('', credentialStore(db));
    // If a page holds the lock it is syncing already: nothing to do here.
    await navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) =>
      lock ? pushOutbox(db, api, appVersion) : 0,
    );
  } finally {
    db.close();
  }
}
