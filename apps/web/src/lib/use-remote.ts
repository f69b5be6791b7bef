// Admin screens read the server directly (they are used online); this keeps loading, error and
// reload in one place. Nothing here is the device's source of truth — that is Dexie.
// Offline, a screen keeps what it last loaded in this tab and says how old it is, instead of a
// browser's "Failed to fetch"; it loads again by itself when the network returns.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../features/auth/session-store.ts';
import { translate } from '../i18n/i18n.ts';
import { ApiError } from '../sync/api.ts';
import type { Remote } from './api-client.ts';

interface Loaded {
  data: unknown;
  at: number;
}

// In memory only: it is personal data, and a reload online loads it afresh anyway.
const lastLoaded = new Map<string, Loaded>();
const KEEP = 50;

function remember(path: string, data: unknown, at: number) {
  lastLoaded.delete(path);
  lastLoaded.set(path, { data, at });
  const oldest = lastLoaded.keys().next();
  if (lastLoaded.size > KEEP && !oldest.done) lastLoaded.delete(oldest.value);
}

// Another person signing in on this tab must not see what the last one loaded.
useSession.subscribe((s, before) => {
  if (s.login?.user.id !== before.login?.user.id) lastLoaded.clear();
});

const time = (ms: number) => timeIn(ms);

/** What a screen says when the network is gone, with the age of what it still shows. */
function offlineMessage(loadedAt: number | null): string {
  const t = translate('app');
  return loadedAt === null ? t('offlineNeverLoaded') : t('offline', { time: time(loadedAt) });
}

const isNetworkFailure = (e: unknown) =>
  (e instanceof ApiError && e.code === 'network') || !navigator.onLine;
import { dateTimeIn, timeIn } from './zone-format.ts';
import { errorText } from './error-text.ts';

/** Keeps `read` (a route from `remote` in app-context, or null for nothing yet) loaded. */
export function useRemote<T>(read: Remote<T> | null) {
  const path = read?.key ?? null;
  // The read is made afresh on every render; its key says whether it asks anything new.
  const load = useRef(read?.load);
  load.current = read?.load;
  // Data is kept with the path it answers, so a screen never renders one query's answer as another's.
  const [state, setState] = useState<{ path: string; data: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An answer to a query the screen has moved away from arrives late sometimes: it is dropped.
  const current = useRef(path);
  current.current = path;
  const reload = useCallback(async () => {
    if (!path || !load.current) return;
    try {
      const data = await load.current();
      const at = Date.now();
      remember(path, data, at);
      if (current.current !== path) return;
      setState({ path, data });
      setError(null);
    } catch (e) {
      if (current.current !== path) return;
      if (isNetworkFailure(e)) setError(offlineMessage(lastLoaded.get(path)?.at ?? null));
      else setError(errorText(e));
    }
  }, [path]);
  useEffect(() => {
    void reload();
    const again = () => void reload();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [reload]);
  const kept = path === null ? undefined : lastLoaded.get(path);
  const data = state && state.path === path ? state.data : ((kept?.data as T | undefined) ?? null);
  return { data, error, reload };
}

/** Runs an admin action and turns a failure into a readable message instead of a crash. */
export async function attempt(
  action: () => Promise<unknown>,
  onError: (message: string) => void,
): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (e) {
    onError(errorText(e));
    return false;
  }
}

export const when = (iso: string | null | undefined) => (iso ? dateTimeIn(iso) : '—');
export const ago = (iso: string | null | undefined, now = Date.now()) => {
  const t = translate('app');
  if (!iso) return t('never');
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return t('secondsAgo', { count: s });
  if (s < 3600) return t('minutesAgo', { count: Math.round(s / 60) });
  if (s < 86400) return t('hoursAgo', { count: Math.round(s / 3600) });
  return t('daysAgo', { count: Math.round(s / 86400) });
};

/** Saves a file the API serves behind the device's credentials (a plain link cannot send them). */
export async function downloadFile(file: Promise<Blob>, filename: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await file);
  a.download = filename;
  a.click();
  URL.revokeObjectURL(a.href);
}
