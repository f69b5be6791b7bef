// The sync engine as a `Hold` for the sessions list's counts: while it syncs (a pull writing its
// pages, most of all a large organization's first sync) the list keeps its last counts, and counts
// again once when the sync ends. The status bar says meanwhile that the device is syncing.
import type { Hold } from '../../lib/calm-query.ts';
import type { SyncEngine } from '../../sync/engine.ts';

export function whileSyncing(engine: Pick<SyncEngine, 'getStatus' | 'subscribe'>): Hold {
  return {
    held: () => engine.getStatus().syncing,
    subscribe: (fn) => engine.subscribe(() => fn()),
  };
}
