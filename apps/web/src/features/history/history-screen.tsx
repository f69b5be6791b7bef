// Every push a device made, with its counts; open one to see rejected changes and re-apply them
// once their cause is fixed.
import { Fragment, useState } from 'react';
import type { SyncRejection as Rejection } from '@rollcall/shared';
import { useFocusItem } from '../../lib/use-focus-item.ts';
import { client, remote } from '../../app-context.ts';
import { attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useT } from '../../i18n/i18n.ts';
import { rejectionReason } from './rejection-reason.ts';
import { useSession } from '../auth/session-store.ts';

const STATUSES = ['success', 'partial', 'failed'] as const;
type Status = (typeof STATUSES)[number];

function Detail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { data, reload } = useRemote(remote.history.get(id));
  const [message, setMessage] = useState<string | null>(null);
  const t = useT('history');
  if (!data) return <p>{t('loading')}</p>;
  if (data.rejections.length === 0) return <p className="muted">{t('nothingRejected')}</p>;
  const reapply = async (r: Rejection) => {
    const ok = await attempt(async () => {
      const res = await client.history.reapply(r.id);
      setMessage(t('reapplied', { status: res.status }));
    }, setMessage);
    if (ok) await reload();
  };
  return (
    <div>
      {message && <p role="status">{message}</p>}
      <ul className="plain-list">
        {data.rejections.map((r) => (
          <li key={r.id} className="rejection">
            <span className="tag error" translate="no">
              {r.code}
            </span>{' '}
            {rejectionReason(t, r)}
            <details>
              <summary>{t('theChange')}</summary>
              <pre>{JSON.stringify(r.payload, null, 2)}</pre>
            </details>
            {r.reappliedAt ? (
              <span className="tag">{t('reappliedAt', { time: when(r.reappliedAt) })}</span>
            ) : (
              canWrite && (
                <button type="button" className="secondary" onClick={() => void reapply(r)}>
                  {t('reapply')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `focus`: a sync from a notification, shown opened (its rejected changes and their re-apply). */
export function HistoryScreen({ focus }: { focus?: string }) {
  const canWrite = useSession((s) => s.login?.user.role === 'admin');
  const t = useT('history');
  // A status this app has words for is said in them; one from a newer server shows as sent.
  const statusLabel = (code: string) =>
    STATUSES.includes(code as Status) ? t(`status.${code as Status}`) : code;
  const [status, setStatus] = useState<Status | ''>('');
  const { data, error } = useRemote(
    remote.history.list({ limit: 200, ...(status ? { status } : {}) }),
  );
  const [open, setOpen] = useState<string | null>(focus ?? null);
  useFocusItem(focus ? `[data-history="${CSS.escape(focus)}"]` : null, data?.items.length ?? 0);
  return (
    <main className="screen wide-screen">
      <h1>
        {t('title')} <span className="muted">({data?.total ?? '…'})</span>
      </h1>
      <label className="inline">
        <span className="label">{t('status')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">{t('all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <table className="table stack">
        <thead>
          <tr>
            <th>{t('when')}</th>
            <th>{t('deviceUsher')}</th>
            <th>{t('applied')}</th>
            <th>{t('dup')}</th>
            <th>{t('merged')}</th>
            <th>{t('conflict')}</th>
            <th>{t('rejected')}</th>
            <th>{t('status')}</th>
            <th>{t('ms')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((h) => (
            <Fragment key={h.id}>
              <tr
                data-history={h.id}
                className={h.rejected ? 'has-rejections' : ''}
                onClick={() => setOpen(open === h.id ? null : h.id)}
              >
                <td data-label={t('when')}>
                  <button type="button" className="link" aria-expanded={open === h.id}>
                    {when(h.startedAt)}
                  </button>
                </td>
                <td data-label={t('deviceUsher')} translate="no">
                  {h.deviceName ?? h.deviceId.slice(-8)} · {h.userName}
                </td>
                <td data-label={t('applied')}>{h.applied}</td>
                <td data-label={t('duplicates')}>{h.duplicate}</td>
                <td data-label={t('merged')}>{h.merged}</td>
                <td data-label={t('conflicts')}>{h.conflict}</td>
                <td data-label={t('rejected')}>{h.rejected}</td>
                <td data-label={t('status')}>
                  <span
                    className={`tag ${h.status === 'success' ? '' : h.status === 'partial' ? 'warn' : 'error'}`}
                  >
                    {statusLabel(h.status)}
                  </span>
                </td>
                <td data-label={t('took')}>{h.durationMs}</td>
              </tr>
              {open === h.id && (
                <tr>
                  <td colSpan={9} className="detail">
                    <Detail id={h.id} canWrite={canWrite} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </main>
  );
}
