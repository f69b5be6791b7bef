// Registered devices: who holds them, when they last synced and what they still hold; revoke one.
import { useState } from 'react';
import type { DeviceInfo as Device } from '@rollcall/shared';
import { client, remote } from '../../app-context.ts';
import { formatLocale, useT } from '../../i18n/i18n.ts';
import { ago, attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';

export function DevicesScreen() {
  const canWrite = useSession((s) => s.login?.user.role === 'admin');
  const t = useT('devices');
  const { data, error, reload } = useRemote(remote.devices.list());
  const [problem, setProblem] = useState<string | null>(null);
  const revoke = async (d: Device) => {
    if (
      !window.confirm(
        t('revokeConfirm', { device: d.name ?? t('thisDeviceUnnamed'), user: d.userName }),
      )
    )
      return;
    if (!(await attempt(() => client.devices.revoke(d.id), setProblem))) return;
    // Revoking signs one device out; only deactivation stops the person signing in again.
    if (window.confirm(t('deactivateConfirm', { user: d.userName })))
      await attempt(() => client.users.update(d.userId, { active: false }), setProblem);
    await reload();
  };
  return (
    <main className="screen wide-screen">
      <h1>{t('title')}</h1>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('col.device')}</th>
            <th>{t('col.usher')}</th>
            <th>{t('col.lastSeen')}</th>
            <th>{t('col.lastSync')}</th>
            <th>{t('col.pending')}</th>
            <th>{t('col.app')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.items.map((d) => (
            <tr key={d.id} className={d.revokedAt ? 'revoked' : ''}>
              <td translate="no">{d.name ?? d.id.slice(-8)}</td>
              <td translate="no">{d.userName}</td>
              <td title={when(d.lastSeenAt)}>{ago(d.lastSeenAt)}</td>
              <td title={when(d.lastSyncAt)}>{ago(d.lastSyncAt)}</td>
              <td>{d.pendingCount?.toLocaleString(formatLocale()) ?? '—'}</td>
              <td translate="no">{d.appVersion ?? '—'}</td>
              <td>
                {d.revokedAt ? (
                  <span className="tag error">{t('revoked')}</span>
                ) : (
                  canWrite && (
                    <button type="button" className="secondary" onClick={() => void revoke(d)}>
                      {t('revoke')}
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
