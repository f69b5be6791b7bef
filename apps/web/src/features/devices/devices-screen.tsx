// Registered devices: who holds them, when they last synced and what they still hold; revoke one.
import { useState } from 'react';
import type { DeviceInfo as Device } from '@rollcall/shared';
import { api } from '../../app-context.ts';
import { ago, attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';

export function DevicesScreen() {
  const canWrite = useSession((s) => s.login?.user.role === 'admin');
  const { data, error, reload } = useRemote<{ items: Device[] }>('/api/v1/devices');
  const [problem, setProblem] = useState<string | null>(null);
  const revoke = async (d: Device) => {
    if (
      !window.confirm(
        `Revoke ${d.name ?? 'this device'} (${d.userName})? It is signed out; its unsynced changes stay on it. ` +
          `${d.userName} can still sign in again with their password: to stop that, deactivate the user on the Ushers screen.`,
      )
    )
      return;
    if (!(await attempt(() => api.post(`/api/v1/devices/${d.id}/revoke`, {}), setProblem))) return;
    // Revoking signs one device out; only deactivation stops the person signing in again.
    if (
      window.confirm(
        `Also deactivate ${d.userName}? All their devices stop and they cannot sign in until an administrator reactivates them.`,
      )
    )
      await attempt(() => api.patch(`/api/v1/users/${d.userId}`, { active: false }), setProblem);
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
