// The usher's sessions: on now, later today, and the last few days. Read from the device, so it
// works offline; the empty state says where sessions come from and when this device last synced.
import type { Session, SessionStatus } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db, engine } from '../../app-context.ts';
import { getMeta } from '../../db/meta.ts';
import { useT } from '../../i18n/i18n.ts';
import { useSession } from '../auth/session-store.ts';
import { useSyncStatus } from '../sync/status-bar.tsx';
import { dayIn, timeIn } from '../../lib/zone-format.ts';
import { useOrgZone } from '../settings/org-zone.ts';
import { groupSessions, listWindow } from './session-groups.ts';
import { countSessionsOnDevice, type DeviceCount } from '../../db/session-counts.ts';
import { useCalmQuery } from '../../lib/calm-query.ts';
import { whileSyncing } from './sync-hold.ts';

// A pull's pages are counted once, when the sync ends: counts run between them competed with their
// writes (a large organization's first sync took 18 s on this screen against 14 s elsewhere).
const duringSync = whileSyncing(engine);

/** The clock the grouping follows: a session moves from "Later today" to "Now" without a reload. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function SessionsScreen() {
  const now = useMinute();
  const zone = useOrgZone();
  const { from, to } = listWindow(now, zone);
  const sessions = useLiveQuery(
    () => db.sessions.where('scheduledStart').between(from, to).toArray(),
    [from, to],
  );
  // Counted as the live page and the reports count (countSession), from the listed sessions'
  // records and their groups' members only; calmly, and not while a sync writes its pages (the
  // last counts stay, the status bar says it is syncing).
  const counts = useCalmQuery(() => countSessionsOnDevice(db, sessions ?? []), [sessions], {
    hold: duringSync,
  });
  const groups = groupSessions(sessions ?? [], now, zone);
  const t = useT('sessions');
  const none = groups.now.length + groups.later.length + groups.recent.length === 0;
  return (
    <main className="screen">
      <h1>{t('today')}</h1>
      {sessions === undefined && <p>{t('loading')}</p>}
      {sessions && none && <EmptyState />}
      <SessionGroup title={t('now')} sessions={groups.now} counts={counts} />
      <SessionGroup title={t('laterToday')} sessions={groups.later} counts={counts} />
      {groups.recent.length > 0 && (
        // Folded: today's sessions stay at the top, the last few days one tap away.
        <details className="recent-sessions">
          <summary>
            {t('recent')}{' '}
            <span className="muted">{t('recentCount', { count: groups.recent.length })}</span>
          </summary>
          <SessionList sessions={groups.recent} counts={counts} withDay />
        </details>
      )}
    </main>
  );
}

function EmptyState() {
  const status = useSyncStatus();
  const stored = useLiveQuery(() => getMeta(db, 'lastPullAt'), []);
  const last = Math.max(status.lastPullAt ?? 0, stored ?? 0);
  const zone = useOrgZone();
  const t = useT('sessions');
  const at = { day: dayIn(last, zone), time: timeIn(last, zone) };
  return (
    <div className="card empty-sessions">
      <p>
        <strong>{t('noneToday')}</strong> {t('addedUnder')}
      </p>
      <p className="muted" data-testid="last-synced">
        {last ? t(status.online ? 'lastSynced' : 'lastSyncedOffline', at) : t('neverSynced')}
      </p>
    </div>
  );
}

interface ListProps {
  sessions: Session[];
  counts: Map<string, DeviceCount> | undefined;
  withDay?: boolean;
}

// A named region, not a heading: "Later today" must not read as a second "Today" heading.
function SessionGroup({ title, ...list }: ListProps & { title: string }) {
  if (list.sessions.length === 0) return null;
  return (
    <section aria-label={title}>
      <p className="session-group-title" aria-hidden="true">
        {title}
      </p>
      <SessionList {...list} />
    </section>
  );
}

function SessionList({ sessions, counts, withDay = false }: ListProps) {
  const go = useSession((s) => s.go);
  const zone = useOrgZone();
  const t = useT('sessions');
  const staff = useSession(
    (s) => s.login?.user.role === 'admin' || s.login?.user.role === 'manager',
  );
  return (
    <ul className="session-list">
      {sessions.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            className="session"
            onClick={() => go({ name: 'checkin', sessionId: s.id })}
          >
            <span className="grow">
              <strong translate="no">{s.name}</strong>
              <span className="muted">
                {withDay ? `${dayIn(s.scheduledStart, zone)} · ` : ''}
                {timeIn(s.scheduledStart, zone)}–{timeIn(s.scheduledEnd, zone)}
                {s.location ? ' · ' : ''}
                {s.location && <span translate="no">{s.location}</span>}
              </span>
            </span>
            <span className={`badge ${s.status}`}>{t(`status.${s.status as SessionStatus}`)}</span>
            <SessionCount count={counts?.get(s.id)} />
          </button>
          {staff && (
            <button
              type="button"
              className="link"
              aria-label={t('liveArrivalsFor', { name: s.name })}
              onClick={() => go({ name: 'live', sessionId: s.id })}
            >
              {t('liveArrivals')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

// Arrived of expected, as the live page says it; a session of no group expects no one, so it
// shows the arrivals alone.
function SessionCount({ count }: { count: DeviceCount | undefined }) {
  const t = useT('sessions');
  const arrived = count?.arrived ?? 0;
  const expected = count?.expected ?? 0;
  return (
    <span
      className="count"
      data-testid="session-count"
      aria-label={t(expected ? 'arrivedOfExpected' : 'checkedIn', { count: arrived, expected })}
    >
      {arrived}
      {expected > 0 && <span className="muted">{t('ofExpected', { count: expected })}</span>}
    </span>
  );
}
