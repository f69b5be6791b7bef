// Always visible: saved or waiting to send, offline, last sync; what an admin will check.
import { useEffect, useState } from 'react';
import { db, engine } from '../../app-context.ts';
import { notCountingCsv } from '../../sync/not-counting.ts';
import type { SyncStatus } from '../../sync/status.ts';
import { useSession } from '../auth/session-store.ts';
import { todayIn } from '../../lib/zone-format.ts';

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
  a.download = `rollcall-not-counted-${todayIn()}.csv`;
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
): { state: string; headline: string; detail: string } {
  const n = s.pending;
  const checkIns = `${n} check-in${n === 1 ? '' : 's'}`;
  const synced = s.lastPullAt ? `Last synced ${ago(s.lastPullAt, now)}` : 'Not synced yet';
  // Conflicts are the admin's business: the usher only learns that someone will look.
  const checks =
    s.conflicts > 0
      ? isAdmin
        ? `${s.conflicts} to resolve`
        : `An admin will check ${s.conflicts} of your entries`
      : '';
  const refused = s.rejected > 0 ? `${s.rejected} not accepted` : '';
  const detail = (...parts: string[]) => [...parts, refused, checks].filter(Boolean).join(' · ');
  if (s.blocked) {
    const headline =
      s.blockedCode === 'protocol_unsupported'
        ? 'Not sending: this app needs an update'
        : n > 0
          ? `Not sending — ${checkIns} kept on this device`
          : 'Not sending';
    return { state: 'blocked', headline, detail: detail(s.blocked) };
  }
  if (!s.online)
    return {
      state: 'offline',
      headline: n > 0 ? `Offline — ${checkIns} saved` : 'Offline — check-ins still work',
      detail: detail(
        n > 0 ? 'Kept on this device, sent when the network is back' : 'Kept on this device',
        synced,
      ),
    };
  if (s.stalled)
    return {
      state: 'stalled',
      headline: `${n} waiting to send`,
      detail: detail('Not getting through — still trying', synced),
    };
  if (n > 0)
    return {
      state: s.syncing ? 'syncing' : 'pending',
      headline: `${n} waiting to send`,
      detail: detail(s.lastError ?? 'Sending…', synced),
    };
  return { state: 'synced', headline: 'All saved', detail: detail(synced) };
}

// One line of state and one of detail, each cut with an ellipsis, at a fixed height: a change
// waiting, sent, or the network leaving never moves what is under the usher's finger. What needs
// the usher to act (update the app, check-ins that will not count) goes under it, and stays.
export function StatusBar() {
  const s = useSyncStatus();
  const role = useSession((x) => x.login?.user.role);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  const { state, headline, detail } = statusWords(s, now, role === 'admin');
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
            Retry now
          </button>
        ) : null}
      </div>
      {(s.blocked || s.notCounting > 0) && (
        <div className="status-alerts">
          {s.blocked && s.blockedCode === 'protocol_unsupported' ? (
            <p className="tag error" role="alert" data-testid="update-app">
              This app is out of date and cannot sync. Your check-ins are kept on this device.{' '}
              <button type="button" className="link" onClick={() => location.reload()}>
                Update the app
              </button>
            </p>
          ) : (
            s.blocked && <p className="tag error">{s.blocked}</p>
          )}
          {s.notCounting > 0 && (
            <p className="tag error" role="alert" data-testid="not-counting">
              {s.notCounting} check-in{s.notCounting > 1 ? 's' : ''} will not count: recorded after
              your assignment ended, or no longer accepted.{' '}
              <button
                type="button"
                className="link"
                onClick={() => void exportNotCounting(s.pushRefused)}
              >
                Download them (CSV)
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
