// Screens loaded on demand. The service worker precaches every chunk, but it serves a page only
// once it controls it: on the first load that happens a moment after the worker activates (it
// claims the page). A chunk asked for in that moment, offline, fails to load; waiting for control
// and asking once more turns that into a screen instead of a blank page.
import { lazy, type ComponentType } from 'react';

const CONTROL_WAIT_MS = 5000;

/** Resolves true once a service worker controls this page, false if none does in time. */
export function whenControlled(
  container: ServiceWorkerContainer | undefined = navigator.serviceWorker,
  waitMs = CONTROL_WAIT_MS,
): Promise<boolean> {
  if (!container) return Promise.resolve(false);
  if (container.controller) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (controlled: boolean) => {
      clearTimeout(timer);
      container.removeEventListener('controllerchange', onChange);
      resolve(controlled);
    };
    const onChange = () => done(true);
    const timer = setTimeout(() => done(Boolean(container.controller)), waitMs);
    container.addEventListener('controllerchange', onChange);
  });
}

/** Loads a chunk; a failure is retried once the page is controlled (a browser retries imports). */
export async function loadChunk<T>(
  load: () => Promise<T>,
  controlled: () => Promise<boolean> = whenControlled,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(await controlled())) throw error;
    return load();
  }
}

/** React.lazy over one named export of a chunk, through loadChunk. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() => loadChunk(load).then((component) => ({ default: component })));
}
