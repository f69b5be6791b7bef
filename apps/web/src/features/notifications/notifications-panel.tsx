// The bell's panel: your notifications, newest first, unread ones marked; opening one marks it
// read and goes to the screen it is about; "Mark all read"; and which kinds you want.
import type { Notification } from '@rollcall/shared';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { client } from '../../app-context.ts';
import { ago, attempt, when } from '../../lib/use-remote.ts';
import { pathFor } from '../../app-routes.ts';
import { useT } from '../../i18n/i18n.ts';
import { useSession, type Screen } from '../auth/session-store.ts';
import { NotificationPreferencesForm } from './notification-preferences.tsx';
import { notificationWords } from './notification-words.ts';

const PAGE = 20;

// A conflict opens the queue at its card, a sync with rejections opens that sync's entry; drifting
// people are in the drifting report.
const TARGETS: Record<Notification['link']['type'], (id: string) => Screen> = {
  conflict: (id) => ({ name: 'conflicts', focus: id }),
  sync_history: (id) => ({ name: 'history', focus: id }),
  session: () => ({ name: 'reports' }),
};

interface Props {
  id: string;
  onClose(returnFocus: boolean): void;
  onCount(unread: number): void;
}

function useNotifications(onCount: Props['onCount']) {
  const [items, setItems] = useState<Notification[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(
    async (after: string | null) => {
      await attempt(async () => {
        const page = await client.notifications.list({
          limit: PAGE,
          ...(after ? { cursor: after } : {}),
        });
        setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        onCount(page.unreadCount);
        setProblem(null);
      }, setProblem);
    },
    [onCount],
  );
  useEffect(() => void load(null), [load]);
  return { items, setItems, cursor, problem, setProblem, load };
}

export function NotificationsPanel({ id, onClose, onCount }: Props) {
  const go = useSession((s) => s.go);
  const { items, setItems, cursor, problem, setProblem, load } = useNotifications(onCount);
  const unread = items?.filter((n) => !n.readAt).length ?? 0;
  const t = useT('notifications');

  const open = async (n: Notification) => {
    if (!n.readAt) {
      const ok = await attempt(async () => {
        const res = await client.notifications.read(n.id);
        onCount(res.unreadCount);
      }, setProblem);
      if (!ok) return;
    }
    go(TARGETS[n.link.type](n.link.id));
    onClose(false);
  };
  const readAll = async () => {
    await attempt(async () => {
      const res = await client.notifications.readAll();
      const now = new Date().toISOString();
      setItems((prev) => prev?.map((n) => (n.readAt ? n : { ...n, readAt: now })) ?? prev);
      onCount(res.unreadCount);
    }, setProblem);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose(true);
  };

  return (
    <section
      id={id}
      className="notif-panel card"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
    >
      <div className="row">
        <h2 id={`${id}-title`} className="grow">
          {t('notifications')}
        </h2>
        <button
          type="button"
          className="secondary"
          disabled={unread === 0}
          onClick={() => void readAll()}
        >
          {t('markAllRead')}
        </button>
        <button type="button" className="link" onClick={() => onClose(true)}>
          {t('close')}
        </button>
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {items === null ? (
        <p className="muted">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="notif-list" aria-label={t('newestFirst')}>
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'notif-item' : 'notif-item unread'}>
              {/* A real link to the screen's URL (it can be opened in a new tab); a plain click
                  marks it read first. */}
              <a
                className="notif-open"
                href={pathFor(TARGETS[n.link.type](n.link.id))}
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  void open(n);
                }}
              >
                <span className="notif-title">
                  {!n.readAt && <span className="tag">{t('new')}</span>}
                  {/* In this app's words already, around names a browser must not translate. */}
                  <strong translate="no">{notificationWords(t, n).title}</strong>
                </span>
                <span className="notif-body" translate="no">
                  {notificationWords(t, n).body}
                </span>
                <span className="notif-meta" title={when(n.createdAt)}>
                  {t('opens', { ago: ago(n.createdAt), target: t(`target.${n.link.type}`) })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={() => void load(cursor)}>
          {t('showOlder')}
        </button>
      )}
      <NotificationPreferencesForm />
    </section>
  );
}
