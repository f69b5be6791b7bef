// Hooks for apps/web/bench/web-sync.ts, exposed only when the page is opened with `?bench`.
import { db, engine } from './app-context.ts';
import { recordPresence } from './db/record.ts';
import { lookupScan } from './features/scan/lookup.ts';
import { api, APP_VERSION } from './app-context.ts';
import { pushOutbox } from './sync/push-outbox.ts';

export function exposeBenchHooks() {
  Object.assign(globalThis, {
    rollcallBench: {
      db,
      engine,
      recordPresence,
      lookupScan,
      pushOutbox: () => pushOutbox(db, api, APP_VERSION),
    },
  });
}
