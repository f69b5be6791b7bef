// Always visible: saved or waiting to send, offline, last sync; what an admin will check.
import { useEffect, useState } from 'react';
import { db, engine } from '../../app-context.ts';
import { translate, useT, type T } from '../../i18n/i18n.ts';
import { notCountingCsv } from '../../sync/not-counting.ts';
import { SERVER_UNREACHABLE, type SyncStatus } from '../../sync/status.ts';
import { useSession } from '../auth/session-store.ts';
import { todayIn } from '../../lib/zone-format.ts';

const ago = (ms: number | null, now: number, t: T<'sync'>) => {
  if (!ms) return t('never');
  const s = Math.max(0, Math.round((now - ms) / 1000));
  return s < 60
    ? t('secondsAgo', { count: s })
    : s < 3600
      ? t('minutesAgo', { count: Math.round(s / 60) })
      : t('hoursAgo', { count: Math.round(s / 3600) });
};

// The server's refusals that stop syncing, in the usher's words; another comes as the server wrote it.
const BLOCKED = [
  'device_revoked',
  'user_deactivated',
  'assignment_revoked',
  'assignment_expired',
  'session_too_old',
  'refresh_reused',
] as const;

/** Why syncing stopped, in the user's language (the server's own text only for a code not known here). */
export function blockedWords(s: SyncStatus, t: T<'sync'>): string {
  const code = BLOCKED.find((c) => c === s.blockedCode);
  return code ? t(`blocked.${code}`) : (s.blocked ?? '');
}

/** The check-ins that will not count, as a CSV the usher can hand to an admin. */
async function exportNotCounting(pushRefused: boolean) {
  const csv = await notCountingCsv(db, pushRefused);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  a.download = translate('sync')('csv.file', { date: todayIn() });
  a.click();
  URL.revokeObjectURL(a.href);
}

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState(engine.getStatus());
  useEffect(() => engine.subscribe(setStatus), []);
  return status;
}

/** What the usher reads, in words they can act on; the line never wraps (see styles.css). */
export function statusWords(
  s: SyncStatus,
  now: number,
  isAdmin: boolean,
  t: T<'sync'>,
): { state: string; headline: string; detail: string } {
  const n = s.pending;
  const synced = s.lastPullAt
    ? t('lastSynced', { ago: ago(s.lastPullAt, now, t) })
    : t('notSynced');
  // Conflicts are the admin's business: the usher only learns that someone will look.
  const checks =
    s.conflicts > 0
      ? isAdmin
        ? t('toResolve', { count: s.conflicts })
        : t('adminWillCheck', { count: s.conflicts })
      : '';
  const refused = s.rejected > 0 ? t('notAccepted', { count: s.rejected }) : '';
  const lastError = s.lastError === SERVER_UNREACHABLE ? t('unreachable') : s.lastError;
  const detail = (...parts: string[]) => [...parts, refused, checks].filter(Boolean).join(' · ');
  if (s.blocked) {
    const headline =
      s.blockedCode === 'protocol_unsupported'
        ? t('needsUpdate')
        : n > 0
          ? t('notSendingKept', { count: n })
          : t('notSending');
    return { state: 'blocked', headline, detail: detail(blockedWords(s, t)) };
  }
  if (!s.online)
    return {
      state: 'offline',
      headline: n > 0 ? t('offlineSaved', { count: n }) : t('offlineWorks'),
      detail: detail(n > 0 ? t('keptUntilBack') : t('kept'), synced),
    };
  if (s.stalled)
    return {
      state: 'stalled',
      headline: t('waiting', { count: n }),
      detail: detail(t('stalled'), synced),
    };
  if (n > 0)
    return {
      state: s.syncing ? 'syncing' : 'pending',
      headline: t('waiting', { count: n }),
      detail: detail(lastError ?? t('sending'), synced),
    };
  return { state: 'synced', headline: t('allSaved'), detail: detail(synced) };
}

// One line of state and one of detail, each cut with an ellipsis, at a fixed height: a change
// waiting, sent, or the network leaving never moves what is under the usher's finger. What needs
// the usher to act (update the app, check-ins that will not count) goes under it, and stays.
export function StatusBar() {
  const s = useSyncStatus();
  const role = useSession((x) => x.login?.user.role);
  const t = useT('sync');
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  const { state, headline, detail } = statusWords(s, now, role === 'admin', t);
  // Offline, retrying cannot help (the engine sends by itself when the network returns).
  const retry = !s.blocked && s.online && (s.lastError || s.stalled);
  return (
    <>
      <div
        className={`status-bar ${state}`}
        role="status"
        aria-live="polite"
        data-testid="sync-status"
        data-pending={s.pending}
        data-state={state}
      >
        <span className="status-icon" aria-hidden="true">
          {ICON[state]}
        </span>
        <span className="status-words">
          <strong data-testid="pending-count" data-pending={s.pending} title={headline}>
            {headline}
          </strong>
          <span className="status-detail" title={detail}>
            {detail}
          </span>
        </span>
        {retry ? (
          <button type="button" className="link" onClick={() => void engine.syncNow()}>
            {t('retryNow')}
          </button>
        ) : null}
      </div>
      {(s.blocked || s.notCounting > 0) && (
        <div className="status-alerts">
          {s.blocked && s.blockedCode === 'protocol_unsupported' ? (
            <p className="tag error" role="alert" data-testid="update-app">
              {t('outOfDate')}{' '}
              <button type="button" className="link" onClick={() => location.reload()}>
                {t('updateApp')}
              </button>
            </p>
          ) : (
            s.blocked && <p className="tag error">{blockedWords(s, t)}</p>
          )}
          {s.notCounting > 0 && (
            <p className="tag error" role="alert" data-testid="not-counting">
              {t('notCounting', { count: s.notCounting })}{' '}
              <button
                type="button"
                className="link"
                onClick={() => void exportNotCounting(s.pushRefused)}
              >
                {t('downloadThem')}
              </button>
            </p>
          )}
        </div>
      )}
    </>
  );
}

const ICON: Record<string, string> = {
  synced: '✓',
  pending: '↑',
  syncing: '↑',
  offline: '⚠',
  stalled: '!',
  blocked: '⛔',
};
