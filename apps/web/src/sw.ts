/// <reference lib="webworker" />
// The service worker: precaches the app shell (the app opens with no network at all), serves the
// SPA for navigations, and drains the outbox on Background Sync — so changes recorded offline
// reach the server when the network returns even if every Rollcall tab was closed.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { drainInWorker, OUTBOX_SYNC_TAG } from './sync/background-sync.ts';

declare const self: ServiceWorkerGlobalScope;

const anyVisibleTab = async () =>
  (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).some(
    (c) => c.visibilityState === 'visible',
  );

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The page that installed the first worker is not controlled by it until a reload: its screens
// loaded on demand (camera, admin side) would be fetched from the network, and offline that is a
// blank page. Claiming on activation covers that first session. An update is unaffected: a new
// worker still waits (and the app offers "Reload") until the user accepts it via SKIP_WAITING.
clientsClaim();
// The API is never served from the cache: the sync engine owns the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

interface SyncEvent extends ExtendableEvent {
  tag: string;
  lastChance: boolean;
}
self.addEventListener('sync', ((event: SyncEvent) => {
  // A rejected promise tells the browser to retry later (with its own backoff). While a Rollcall
  // tab is visible its own engine syncs (and re-registers if it leaves with changes pending).
  if (event.tag === OUTBOX_SYNC_TAG)
    event.waitUntil(anyVisibleTab().then((visible) => (visible ? undefined : drainInWorker())));
}) as EventListener);
