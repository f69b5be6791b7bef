// The bell's unread count. Asked when the bell appears, every 30 s while the tab is visible, when
// the tab becomes visible again, and after every pull: the sync stream makes the engine pull right
// after any commit in the organization (a conflict, a session ending), so the bell follows within
// a second or two without a stream of its own; the poll catches what publishes nothing.
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../app-context.ts';
import { useSyncStatus } from '../sync/status-bar.tsx';

export const POLL_MS = 30_000;

export function useUnreadCount(enabled: boolean) {
  const [count, setCount] = useState<number | null>(null);
  const lastPullAt = useSyncStatus().lastPullAt;
  const refresh = useCallback(async () => {
    if (!enabled) return;
    try {
      setCount((await client.notifications.unreadCount()).unreadCount);
    } catch {
      // Offline or the login is gone: keep the last count; the next poll asks again.
    }
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return undefined;
    const whenVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    whenVisible();
    const timer = setInterval(whenVisible, POLL_MS);
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, [enabled, refresh]);

  useEffect(() => {
    if (lastPullAt) void refresh();
  }, [lastPullAt, refresh]);

  return { count, setCount, refresh };
}
