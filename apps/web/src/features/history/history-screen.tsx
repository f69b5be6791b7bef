// Every push a device made, with its counts; open one to see rejected changes and re-apply them
// once their cause is fixed.
import { Fragment, useState } from 'react';
import type { PushHistory as Push, SyncRejection as Rejection } from '@rollcall/shared';
import { useFocusItem } from '../../lib/use-focus-item.ts';
import { api } from '../../app-context.ts';
import { attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';

function Detail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { data, reload } = useRemote<Push & { rejections: Rejection[] }>(
    `/api/v1/sync-history/${id}`,
  );
  const [message, setMessage] = useState<string | null>(null);
  if (!data) return <p>Loading…</p>;
  if (data.rejections.length === 0)
    return <p className="muted">Nothing was rejected in this push.</p>;
  const reapply = async (r: Rejection) => {
    const ok = await attempt(async () => {
      const res = await api.post<{ status: string }>(`/api/v1/sync-rejections/${r.id}/reapply`, {});
      setMessage(`Re-applied: ${res.status}.`);
    }, setMessage);
    if (ok) await reload();
  };
  return (
    <div>
      {message && <p role="status">{message}</p>}
      <ul className="plain-list">
        {data.rejections.map((r) => (
          <li key={r.id} className="rejection">
            <span className="tag error">{r.code}</span> {r.reason}
            <details>
              <summary>The change</summary>
              <pre>{JSON.stringify(r.payload, null, 2)}</pre>
            </details>
            {r.reappliedAt ? (
              <span className="tag">re-applied {when(r.reappliedAt)}</span>
            ) : (
              canWrite && (
                <button type="button" className="secondary" onClick={() => void reapply(r)}>
                  Re-apply
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
  const [status, setStatus] = useState('');
  const { data, error } = useRemote<{ items: Push[]; total: number }>(
    `/api/v1/sync-history?limit=200${status ? `&status=${status}` : ''}`,
  );
  const [open, setOpen] = useState<string | null>(focus ?? null);
  useFocusItem(focus ? `[data-history="${CSS.escape(focus)}"]` : null, data?.items.length ?? 0);
  return (
    <main className="screen wide-screen">
      <h1>
        Sync history <span className="muted">({data?.total ?? '…'})</span>
      </h1>
      <label className="inline">
        <span className="label">Status</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All</option>
          <option value="success">Success</option>
          <option value="partial">Partial</option>
          <option value="failed">Failed</option>
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
            <th>When</th>
            <th>Device · usher</th>
            <th>Applied</th>
            <th>Dup.</th>
            <th>Merged</th>
            <th>Conflict</th>
            <th>Rejected</th>
            <th>Status</th>
            <th>ms</th>
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
                <td data-label="When">
                  <button type="button" className="link" aria-expanded={open === h.id}>
                    {when(h.startedAt)}
                  </button>
                </td>
                <td data-label="Device · usher">
                  {h.deviceName ?? h.deviceId.slice(-8)} · {h.userName}
                </td>
                <td data-label="Applied">{h.applied}</td>
                <td data-label="Duplicates">{h.duplicate}</td>
                <td data-label="Merged">{h.merged}</td>
                <td data-label="Conflicts">{h.conflict}</td>
                <td data-label="Rejected">{h.rejected}</td>
                <td data-label="Status">
                  <span
                    className={`tag ${h.status === 'success' ? '' : h.status === 'partial' ? 'warn' : 'error'}`}
                  >
                    {h.status}
                  </span>
                </td>
                <td data-label="Took (ms)">{h.durationMs}</td>
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
