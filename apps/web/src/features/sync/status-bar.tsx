// Always visible: online or not, what is waiting and since when, last sync, conflicts, rejections.
import { useEffect, useState } from 'react';
import { db, engine } from '../../app-context.ts';
import { notCountingCsv } from '../../sync/not-counting.ts';
import type { SyncStatus } from '../../sync/status.ts';

const ago = (ms: number | null, now: number) => {
  if (!ms) return 'never';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  return s < 60
    ? `${s}s ago`
    : s < 3600
      ? `${Math.round(s / 60)} min ago`
      : `${Math.round(s / 3600)} h ago`;
};

/** The check-ins that will not count, as a CSV the usher can hand to an admin. */
async function exportNotCounting(pushRefused: boolean) {
  const csv = await notCountingCsv(db, pushRefused);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  a.download = `rollcall-not-counted-${new Date().toISOString().slice(0, 10)}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState(engine.getStatus());
  useEffect(() => engine.subscribe(setStatus), []);
  return status;
}

export function StatusBar() {
  const s = useSyncStatus();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  const state = s.blocked
    ? 'blocked'
    : s.stalled
      ? 'stalled'
      : !s.online
        ? 'offline'
        : s.syncing
          ? 'syncing'
          : s.pending
            ? 'pending'
            : 'synced';
  return (
    <div
      className={`status-bar ${state}`}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-pending={s.pending}
      data-state={state}
    >
      <span className="dot" aria-hidden="true" />
      <span>{s.online ? 'Online' : 'Offline'}</span>
      <span data-testid="pending-count">
        {s.pending} pending{s.oldestPendingAt ? ` (oldest ${ago(s.oldestPendingAt, now)})` : ''}
      </span>
      <span className="muted">synced {ago(s.lastPullAt, now)}</span>
      {s.conflicts > 0 && (
        <span className="tag warn">
          {s.conflicts} conflict{s.conflicts > 1 ? 's' : ''}
        </span>
      )}
      {s.rejected > 0 && <span className="tag error">{s.rejected} rejected</span>}
      {s.stalled && (
        <span className="tag error">Stalled: nothing went through for a minute — retrying</span>
      )}
      {s.blocked && s.blockedCode === 'protocol_unsupported' ? (
        <span className="tag error" role="alert" data-testid="update-app">
          This app is out of date and cannot sync. Your check-ins are kept on this device.{' '}
          <button type="button" className="link" onClick={() => location.reload()}>
            Update the app
          </button>
        </span>
      ) : (
        s.blocked && <span className="tag error">{s.blocked}</span>
      )}
      {s.notCounting > 0 && (
        <span className="tag error" role="alert" data-testid="not-counting">
          {s.notCounting} check-in{s.notCounting > 1 ? 's' : ''} will not count: recorded after your
          assignment ended, or no longer accepted.{' '}
          <button
            type="button"
            className="link"
            onClick={() => void exportNotCounting(s.pushRefused)}
          >
            Download them (CSV)
          </button>
        </span>
      )}
      {!s.blocked && s.lastError && s.online && <span className="muted">{s.lastError}</span>}
      {!s.online || s.lastError ? (
        <button type="button" className="link" onClick={() => void engine.syncNow()}>
          Retry now
        </button>
      ) : null}
    </div>
  );
}
