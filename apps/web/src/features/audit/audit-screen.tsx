// The audit log: who changed what and when, old and new values, from which device; filter and
// export as CSV. Read-only by design (the server and the database refuse edits).
import { useState } from 'react';
import type { AuditEntry as Entry } from '@rollcall/shared';
import { downloadFile, useRemote, when } from '../../lib/use-remote.ts';

interface Filters {
  entity: string;
  entityId: string;
  userId: string;
  action: string;
  from: string;
  to: string;
}

function query(f: Filters) {
  const q = new URLSearchParams();
  if (f.entity) q.set('entity', f.entity);
  if (f.entityId) q.set('entityId', f.entityId.trim());
  if (f.userId) q.set('userId', f.userId);
  if (f.action) q.set('action', f.action.trim());
  if (f.from) q.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) q.set('to', new Date(`${f.to}T23:59:59.999`).toISOString());
  return q;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

export function AuditScreen() {
  const [f, setF] = useState<Filters>({
    entity: '',
    entityId: '',
    userId: '',
    action: '',
    from: '',
    to: '',
  });
  const users =
    useRemote<{ items: { id: string; displayName: string; role: string }[] }>('/api/v1/users').data
      ?.items ?? [];
  const q = query(f);
  const { data, error } = useRemote<{ items: Entry[]; total: number }>(
    `/api/v1/audit?limit=200&${q}`,
  );
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const exportCsv = () => downloadFile(`/api/v1/audit/export.csv?${q}`, 'rollcall-audit.csv');
  return (
    <main className="screen wide-screen">
      <h1>
        Audit log <span className="muted">({data?.total ?? '…'})</span>
      </h1>
      <form
        className="filters"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          <span className="label">Record kind</span>
          <select value={f.entity} onChange={set('entity')}>
            <option value="">All</option>
            {[
              'sync_conflict',
              'presence_record',
              'participant',
              'session',
              'group',
              'user',
              'usher_assignment',
              'device',
              'excuse',
              'sync_rejection',
              'organization',
              'presence_state',
              'import',
            ].map((e) => (
              <option key={e} value={e}>
                {e.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">Record id</span>
          <input value={f.entityId} onChange={set('entityId')} />
        </label>
        <label>
          <span className="label">User</span>
          <select value={f.userId} onChange={set('userId')}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.role})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">Action</span>
          <input value={f.action} onChange={set('action')} placeholder="resolve_conflict" />
        </label>
        <label>
          <span className="label">From</span>
          <input type="date" value={f.from} onChange={set('from')} />
        </label>
        <label>
          <span className="label">To</span>
          <input type="date" value={f.to} onChange={set('to')} />
        </label>
      </form>
      <div className="row">
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who · device</th>
            <th>Action</th>
            <th>Record</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((a) => (
            <tr key={a.id}>
              <td>{when(a.at)}</td>
              <td>
                {a.userName ?? '—'} · {a.deviceName ?? a.deviceId?.slice(-8) ?? a.source}
              </td>
              <td>{a.action}</td>
              <td>
                {a.entity} <span className="muted">{a.entityId.slice(-8)}</span>
              </td>
              <td className="json">{show(a.oldValues)}</td>
              <td className="json">{show(a.newValues)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
