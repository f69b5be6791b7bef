// The bell in the app header: admins and managers only (ushers are never notified), online only
// (notifications live on the server). The count is a badge; the panel loads on first open.
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n.ts';
import { useSession } from '../auth/session-store.ts';
import { useSyncStatus } from '../sync/status-bar.tsx';
import { useUnreadCount } from './use-unread-count.ts';

const NotificationsPanel = lazy(() =>
  import('./notifications-panel.tsx').then((m) => ({ default: m.NotificationsPanel })),
);

export const PANEL_ID = 'notifications-panel';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export function NotificationBell() {
  const role = useSession((s) => s.login?.user.role);
  const station = useSession((s) => s.station);
  const online = useSyncStatus().online;
  // A locked check-in station shows no admin tools, whoever signed it in.
  const shown = (role === 'admin' || role === 'manager') && !station && online;
  const { count, setCount } = useUnreadCount(shown);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const t = useT('notifications');
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);
  if (!shown) return null;

  const unread = count ?? 0;
  return (
    <div className="notif-bar">
      <button
        ref={button}
        type="button"
        className="notif-bell"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        aria-label={count === null ? t('notifications') : t('unread', { count: unread })}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="count-badge" aria-hidden="true" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={<p className="notif-panel card muted">{t('loading')}</p>}>
          <NotificationsPanel id={PANEL_ID} onClose={close} onCount={setCount} />
        </Suspense>
      )}
    </div>
  );
}
