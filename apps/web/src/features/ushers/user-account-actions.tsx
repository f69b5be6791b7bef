// An administrator's account controls for one user: role, deactivate or reactivate, a new
// password, and turning off their two-step sign-in (a lost phone). The server applies them to the user's devices at once (a new password signs them out).
import { api } from '../../app-context.ts';
import { attempt } from '../../lib/use-remote.ts';

const ROLES = ['admin', 'manager', 'usher', 'temp_usher'] as const;

export interface AccountUser {
  id: string;
  displayName: string;
  role: string;
  active: boolean;
  twoStep?: boolean;
}

export function UserAccountActions({
  user,
  onDone,
  onProblem,
}: {
  user: AccountUser;
  onDone(): Promise<void>;
  onProblem(message: string): void;
}) {
  const run = async (action: () => Promise<unknown>) => {
    if (await attempt(action, onProblem)) await onDone();
  };
  const changeRole = (role: string) => {
    if (role === user.role) return;
    if (!window.confirm(`Make ${user.displayName} ${role.replace('_', ' ')}? It applies at once.`))
      return;
    void run(() => api.patch(`/api/v1/users/${user.id}`, { role }));
  };
  const setActive = (active: boolean) => {
    const question = active
      ? `Reactivate ${user.displayName}? They can sign in again.`
      : `Deactivate ${user.displayName}? Their devices stop at once and they cannot sign in until an administrator reactivates them. Changes their devices have not synced stay on those devices.`;
    if (window.confirm(question)) void run(() => api.patch(`/api/v1/users/${user.id}`, { active }));
  };
  const setPassword = () => {
    const min = user.role === 'admin' || user.role === 'manager' ? 12 : 8;
    const password = window.prompt(
      `New password for ${user.displayName} (at least ${min} characters, not a common one). Their devices will be signed out.`,
    );
    if (password) void run(() => api.post(`/api/v1/users/${user.id}/password`, { password }));
  };
  const resetTwoStep = () => {
    if (
      window.confirm(
        `Turn off two-step sign-in for ${user.displayName}? They sign in with the password alone until they set it up again. This is recorded in the audit log.`,
      )
    )
      void run(() => api.post(`/api/v1/users/${user.id}/totp/reset`, undefined));
  };
  return (
    <span className="account-actions">
      <select
        aria-label={`Role of ${user.displayName}`}
        value={user.role}
        onChange={(e) => changeRole(e.target.value)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r.replace('_', ' ')}
          </option>
        ))}
      </select>{' '}
      <button type="button" className="secondary" onClick={() => setActive(!user.active)}>
        {user.active ? 'Deactivate' : 'Reactivate'}
      </button>{' '}
      <button type="button" className="secondary" onClick={setPassword}>
        Set password
      </button>
      {user.twoStep && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={resetTwoStep}>
            Reset two-step sign-in
          </button>
        </>
      )}
    </span>
  );
}
