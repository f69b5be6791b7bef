// An administrator's account controls for one user: role, deactivate or reactivate, a new
// password, and turning off their two-step sign-in (a lost phone). The server applies them to the user's devices at once (a new password signs them out).
import { client } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
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
  const t = useT('ushers');
  const roleName = (r: string) =>
    (ROLES as readonly string[]).includes(r) ? t(`role.${r as (typeof ROLES)[number]}`) : r;
  const name = user.displayName;
  const run = async (action: () => Promise<unknown>) => {
    if (await attempt(action, onProblem)) await onDone();
  };
  const changeRole = (role: string) => {
    if (role === user.role) return;
    if (!window.confirm(t('roleConfirm', { name, role: roleName(role) }))) return;
    void run(() => client.users.update(user.id, { role }));
  };
  const setActive = (active: boolean) => {
    const question = active ? t('reactivateConfirm', { name }) : t('deactivateConfirm', { name });
    if (window.confirm(question)) void run(() => client.users.update(user.id, { active }));
  };
  const setPassword = () => {
    const min = user.role === 'admin' || user.role === 'manager' ? 12 : 8;
    const password = window.prompt(t('passwordPrompt', { name, min }));
    if (password) void run(() => client.users.setPassword(user.id, { password }));
  };
  const resetTwoStep = () => {
    if (window.confirm(t('resetTwoStepConfirm', { name })))
      void run(() => client.users.resetTotp(user.id));
  };
  return (
    <span className="account-actions">
      <select
        aria-label={t('roleOf', { name })}
        value={user.role}
        onChange={(e) => changeRole(e.target.value)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>{' '}
      <button type="button" className="secondary" onClick={() => setActive(!user.active)}>
        {user.active ? t('deactivate') : t('reactivate')}
      </button>{' '}
      <button type="button" className="secondary" onClick={setPassword}>
        {t('setPassword')}
      </button>
      {user.twoStep && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={resetTwoStep}>
            {t('resetTwoStep')}
          </button>
        </>
      )}
    </span>
  );
}
