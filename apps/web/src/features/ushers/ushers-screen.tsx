// Users and roles; temporary ushers with their expiry, time remaining and counters. Expiry is
// computed by the server on every request, so the list is right without any scheduled job.
import { useEffect, useState, type FormEvent } from 'react';
import type { UserAccount as User, UserAssignment as Assignment } from '@rollcall/shared';
import { client, remote } from '../../app-context.ts';
import { ROLES, ASSIGNMENT_STATUSES } from '@rollcall/shared';
import { formatLocale, useT, type T } from '../../i18n/i18n.ts';
import { attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';
import { UserAccountActions } from './user-account-actions.tsx';

/** What the usher's devices last said they had waiting to sync, for the revoke/end dialogs. */
function waiting(a: Assignment, t: T<'ushers'>): string {
  const reported = a.devices.filter((d) => d.pendingCount !== null);
  if (reported.length === 0) return t('queueUnknown');
  const n = reported.reduce((sum, d) => sum + (d.pendingCount ?? 0), 0);
  const last = reported
    .map((d) => d.lastSyncAt)
    .filter((t): t is string => Boolean(t))
    .sort()
    .pop();
  const many = reported.length > 1;
  if (last) return t(many ? 'queueDevicesAt' : 'queueAt', { count: n, time: when(last) });
  return t(many ? 'queueDevices' : 'queue', { count: n });
}

const remaining = (ms: number, t: T<'ushers'>) =>
  ms <= 0
    ? t('ended')
    : ms < 3600_000
      ? t('minutesLeft', { minutes: Math.ceil(ms / 60_000) })
      : t('hoursLeft', {
          hours: Math.floor(ms / 3600_000),
          minutes: Math.round((ms % 3600_000) / 60_000),
        });

const isRole = (r: string): r is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(r);
const isStatus = (s: string): s is (typeof ASSIGNMENT_STATUSES)[number] =>
  (ASSIGNMENT_STATUSES as readonly string[]).includes(s);

function NewTempUsher({ onDone }: { onDone(): Promise<void> }) {
  const t = useT('ushers');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const hours = Number(f.get('hours'));
    const body = {
      email: String(f.get('email')),
      displayName: String(f.get('name')),
      role: 'temp_usher' as const,
      password: String(f.get('password')),
      assignment: {
        expiresAt: new Date(Date.now() + hours * 3600_000).toISOString(),
        location: String(f.get('location')) || null,
      },
    };
    if (await attempt(() => client.users.create(body), setProblem)) {
      form.reset();
      setProblem(null);
      await onDone();
    }
  };
  return (
    <form className="card" aria-label={t('addTemp')} onSubmit={(e) => void submit(e)}>
      <h2>{t('addTemp')}</h2>
      <div className="form-grid">
        <label>
          <span className="label">{t('name')}</span>
          <input name="name" required />
        </label>
        <label>
          <span className="label">{t('email')}</span>
          <input name="email" type="email" required />
        </label>
        <label>
          <span className="label">{t('password')}</span>
          <input
            name="password"
            type="password"
            minLength={8}
            required
            autoComplete="new-password"
          />
        </label>
        <label>
          <span className="label">{t('hours')}</span>
          <input name="hours" type="number" min={1} max={720} defaultValue={4} required />
        </label>
        <label>
          <span className="label">{t('location')}</span>
          <input name="location" placeholder={t('locationExample')} />
        </label>
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        {t('add')}
      </button>
    </form>
  );
}

export function UshersScreen() {
  const canWrite = useSession((s) => s.login?.user.role === 'admin');
  const t = useT('ushers');
  const { data, error, reload } = useRemote(remote.users.list());
  const [problem, setProblem] = useState<string | null>(null);
  // Time remaining ticks down on screen; the server's status stays the authority.
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  const revoke = async (u: User) => {
    if (
      !u.assignment ||
      !window.confirm(t('revokeConfirm', { name: u.displayName, queue: waiting(u.assignment, t) }))
    )
      return;
    if (await attempt(() => client.assignments.revoke(u.assignment!.id), setProblem))
      await reload();
  };
  // The gentler way: expiry becomes now, so the grace period applies as at any shift's end.
  const endShift = async (u: User) => {
    if (
      !u.assignment ||
      !window.confirm(t('endConfirm', { name: u.displayName, queue: waiting(u.assignment, t) }))
    )
      return;
    if (await attempt(() => client.assignments.end(u.assignment!.id), setProblem)) await reload();
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
            <th>{t('col.name')}</th>
            <th>{t('col.role')}</th>
            <th>{t('col.assignment')}</th>
            <th>{t('col.checkins')}</th>
            <th>{t('col.qr')}</th>
            <th>{t('col.codes')}</th>
            <th />
            {canWrite && <th>{t('col.account')}</th>}
          </tr>
        </thead>
        <tbody>
          {data?.items.map((u) => {
            const a = u.assignment;
            return (
              <tr key={u.id} data-testid={`user-${u.email}`}>
                <td translate="no">
                  {u.displayName}
                  <br />
                  <span className="muted">{u.email}</span>
                </td>
                <td>
                  {isRole(u.role) ? t(`role.${u.role}`) : u.role}
                  {!u.active && (
                    <>
                      {' '}
                      <span className="tag error">{t('deactivated')}</span>
                    </>
                  )}
                </td>
                <td>
                  {a ? (
                    <>
                      <span className={`tag ${a.status === 'active' ? '' : 'error'}`}>
                        {isStatus(a.status) ? t(`status.${a.status}`) : a.status}
                      </span>{' '}
                      {a.status === 'active'
                        ? remaining(Date.parse(a.expiresAt) - Date.now(), t)
                        : t('until', { time: when(a.expiresAt) })}
                      {a.location ? (
                        <>
                          {' · '}
                          <span translate="no">{a.location}</span>
                        </>
                      ) : null}
                      {a.lateAccepted > 0 && (
                        <>
                          <br />
                          <span className="muted" data-testid="late-accepted">
                            {t('lateAccepted', { count: a.lateAccepted })}
                          </span>
                        </>
                      )}
                      {a.refused > 0 && (
                        <>
                          <br />
                          <span className="tag error" data-testid="refused">
                            {t('refused', { count: a.refused })}
                          </span>
                        </>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{a?.checkins.toLocaleString(formatLocale()) ?? '—'}</td>
                <td>{a?.qrScans.toLocaleString(formatLocale()) ?? '—'}</td>
                <td>{a?.codeEntries.toLocaleString(formatLocale()) ?? '—'}</td>
                <td>
                  {canWrite && a?.status === 'active' && (
                    <button type="button" className="secondary" onClick={() => void endShift(u)}>
                      {t('endShift')}
                    </button>
                  )}{' '}
                  {/* An ended shift may still be revoked: that closes its grace period at once. */}
                  {canWrite && a && a.status !== 'revoked' && (
                    <button type="button" className="secondary" onClick={() => void revoke(u)}>
                      {t('revoke')}
                    </button>
                  )}
                </td>
                {canWrite && (
                  <td>
                    <UserAccountActions user={u} onDone={reload} onProblem={setProblem} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {canWrite && <NewTempUsher onDone={reload} />}
    </main>
  );
}
