// Registered devices: who holds them, when they last synced and what they still hold; revoke one.
import { useState } from 'react';
import { api } from '../../app-context.ts';
import { ago, attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';

interface Device {
  id: string;
  userName: string;
  name: string | null;
  appVersion: string | null;
  lastSeenAt: string | null;
  lastSyncAt: string | null;
  pendingCount: number | null;
  revokedAt: string | null;
  createdAt: string;
}

export function DevicesScreen() {
  const canWrite = useSession((s) => s.login?.user.role === 'admin');
  const { data, error, reload } = useRemote<{ items: Device[] }>('/api/v1/devices');
  const [problem, setProblem] = useState<string | null>(null);
  const revoke = async (d: Device) => {
    if (
      !window.confirm(
        `Revoke ${d.name ?? 'this device'} (${d.userName})? It will have to sign in again; its unsynced changes stay on it.`,
      )
    )
      return;
    if (await attempt(() => api.post(`/api/v1/devices/${d.id}/revoke`, {}), setProblem))
      await reload();
  };
  return (
    <main className="screen wide-screen">
      <h1>Devices</h1>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>Device</th>
            <th>Usher</th>
            <th>Last seen</th>
            <th>Last sync</th>
            <th>Pending</th>
            <th>App</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.items.map((d) => (
            <tr key={d.id} className={d.revokedAt ? 'revoked' : ''}>
              <td>{d.name ?? d.id.slice(-8)}</td>
              <td>{d.userName}</td>
              <td title={when(d.lastSeenAt)}>{ago(d.lastSeenAt)}</td>
              <td title={when(d.lastSyncAt)}>{ago(d.lastSyncAt)}</td>
              <td>{d.pendingCount ?? '—'}</td>
              <td>{d.appVersion ?? '—'}</td>
              <td>
                {d.revokedAt ? (
                  <span className="tag error">revoked</span>
                ) : (
                  canWrite && (
                    <button type="button" className="secondary" onClick={() => void revoke(d)}>
                      Revoke
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
