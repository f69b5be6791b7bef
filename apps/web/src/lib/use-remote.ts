// Admin screens read the server directly (they are used online); this keeps loading, error and
// reload in one place. Nothing here is the device's source of truth — that is Dexie.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../app-context.ts';
import { dateTimeIn } from './zone-format.ts';

export function useRemote<T>(path: string | null) {
  // Data is kept with the path it answers, so a screen never renders one query's answer as another's.
  const [state, setState] = useState<{ path: string; data: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An answer to a query the screen has moved away from arrives late sometimes: it is dropped.
  const current = useRef(path);
  current.current = path;
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      const data = await api.get<T>(path);
      if (current.current !== path) return;
      setState({ path, data });
      setError(null);
    } catch (e) {
      if (current.current === path) setError(e instanceof Error ? e.message : String(e));
    }
  }, [path]);
  useEffect(() => void reload(), [reload]);
  return { data: state && state.path === path ? state.data : null, error, reload };
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
    onError(e instanceof Error ? e.message : String(e));
    return false;
  }
}

export const when = (iso: string | null | undefined) => (iso ? dateTimeIn(iso) : '—');
export const ago = (iso: string | null | undefined, now = Date.now()) => {
  if (!iso) return 'never';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
};

/** Saves a file the API serves behind the device's credentials (a plain link cannot send them). */
export async function downloadFile(path: string, filename: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await api.getBlob(path));
  a.download = filename;
  a.click();
  URL.revokeObjectURL(a.href);
}
