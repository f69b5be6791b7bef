// Users and roles; temporary ushers with their expiry, time remaining and counters. Expiry is
// computed by the server on every request, so the list is right without any scheduled job.
import { useEffect, useState, type FormEvent } from 'react';
import type { UserAccount as User, UserAssignment as Assignment } from '@rollcall/shared';
import { api } from '../../app-context.ts';
import { attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';
import { UserAccountActions } from './user-account-actions.tsx';

/** What the usher's devices last said they had waiting to sync, for the revoke/end dialogs. */
function waiting(a: Assignment): string {
  const reported = a.devices.filter((d) => d.pendingCount !== null);
  if (reported.length === 0) return 'Their device has not reported its queue yet.';
  const n = reported.reduce((sum, d) => sum + (d.pendingCount ?? 0), 0);
  const last = reported
    .map((d) => d.lastSyncAt)
    .filter((t): t is string => Boolean(t))
    .sort()
    .pop();
  return `Their device${reported.length > 1 ? 's' : ''} last reported ${n} change${n === 1 ? '' : 's'} waiting to sync${last ? ` (${when(last)})` : ''}.`;
}

const remaining = (ms: number) =>
  ms <= 0
    ? 'ended'
    : ms < 3600_000
      ? `${Math.ceil(ms / 60_000)} min left`
      : `${Math.floor(ms / 3600_000)} h ${Math.round((ms % 3600_000) / 60_000)} min left`;

function NewTempUsher({ onDone }: { onDone(): Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const hours = Number(f.get('hours'));
    const body = {
      email: String(f.get('email')),
      displayName: String(f.get('name')),
      role: 'temp_usher',
      password: String(f.get('password')),
      assignment: {
        expiresAt: new Date(Date.now() + hours * 3600_000).toISOString(),
        location: String(f.get('location')) || null,
      },
    };
    if (await attempt(() => api.post('/api/v1/users', body), setProblem)) {
      form.reset();
      setProblem(null);
      await onDone();
    }
  };
  return (
    <form className="card" aria-label="Add a temporary usher" onSubmit={(e) => void submit(e)}>
      <h2>Add a temporary usher</h2>
      <div className="form-grid">
        <label>
          <span className="label">Name</span>
          <input name="name" required />
        </label>
        <label>
          <span className="label">Email</span>
          <input name="email" type="email" required />
        </label>
        <label>
          <span className="label">Password (8+)</span>
          <input
            name="password"
            type="password"
            minLength={8}
            required
            autoComplete="new-password"
          />
        </label>
        <label>
          <span className="label">Hours</span>
          <input name="hours" type="number" min={1} max={720} defaultValue={4} required />
        </label>
        <label>
          <span className="label">Location</span>
          <input name="location" placeholder="Main entrance" />
        </label>
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        Add
      </button>
    </form>
  );
}

export function UshersScreen() {
  const canWrite = useSession((s) => s.login?.user.role === 'admin');
  const { data, error, reload } = useRemote<{ items: User[] }>('/api/v1/users');
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
      !window.confirm(
        `Revoke ${u.displayName}'s assignment now? ${waiting(u.assignment)} ` +
          'Check-ins recorded before now still count if the device syncs within the grace period; ' +
          'later ones are refused, and the device can no longer read the roster or renew its sign-in.',
      )
    )
      return;
    if (
      await attempt(
        () => api.post(`/api/v1/assignments/${u.assignment!.id}/revoke`, {}),
        setProblem,
      )
    )
      await reload();
  };
  // The gentler way: expiry becomes now, so the grace period applies as at any shift's end.
  const endShift = async (u: User) => {
    if (
      !u.assignment ||
      !window.confirm(
        `End ${u.displayName}'s shift now? ${waiting(u.assignment)} ` +
          'Everything recorded until now still counts if the device syncs within the grace period.',
      )
    )
      return;
    if (
      await attempt(() => api.post(`/api/v1/assignments/${u.assignment!.id}/end`, {}), setProblem)
    )
      await reload();
  };
  return (
    <main className="screen wide-screen">
      <h1>Ushers</h1>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Assignment</th>
            <th>Check-ins</th>
            <th>QR</th>
            <th>Codes</th>
            <th />
            {canWrite && <th>Account</th>}
          </tr>
        </thead>
        <tbody>
          {data?.items.map((u) => {
            const a = u.assignment;
            return (
              <tr key={u.id} data-testid={`user-${u.email}`}>
                <td>
                  {u.displayName}
                  <br />
                  <span className="muted">{u.email}</span>
                </td>
                <td>
                  {u.role.replace('_', ' ')}
                  {!u.active && (
                    <>
                      {' '}
                      <span className="tag error">deactivated</span>
                    </>
                  )}
                </td>
                <td>
                  {a ? (
                    <>
                      <span className={`tag ${a.status === 'active' ? '' : 'error'}`}>
                        {a.status}
                      </span>{' '}
                      {a.status === 'active'
                        ? remaining(Date.parse(a.expiresAt) - Date.now())
                        : `until ${when(a.expiresAt)}`}
                      {a.location ? ` · ${a.location}` : ''}
                      {a.lateAccepted > 0 && (
                        <>
                          <br />
                          <span className="muted" data-testid="late-accepted">
                            {a.lateAccepted} accepted after the end (recorded before it)
                          </span>
                        </>
                      )}
                      {a.refused > 0 && (
                        <>
                          <br />
                          <span className="tag error" data-testid="refused">
                            {a.refused} refused (recorded after the end)
                          </span>
                        </>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{a?.checkins ?? '—'}</td>
                <td>{a?.qrScans ?? '—'}</td>
                <td>{a?.codeEntries ?? '—'}</td>
                <td>
                  {canWrite && a?.status === 'active' && (
                    <button type="button" className="secondary" onClick={() => void endShift(u)}>
                      End the shift now
                    </button>
                  )}{' '}
                  {/* An ended shift may still be revoked: that closes its grace period at once. */}
                  {canWrite && a && a.status !== 'revoked' && (
                    <button type="button" className="secondary" onClick={() => void revoke(u)}>
                      Revoke
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
