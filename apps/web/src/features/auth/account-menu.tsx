// Logging out with changes still queued would lose them: refuse, explain, and offer an export.
import { useState } from 'react';
import { db } from '../../app-context.ts';
import { useSyncStatus } from '../sync/status-bar.tsx';
import { useSession } from './session-store.ts';
import { signOut } from './sign-in.ts';

async function exportPending() {
  const entries = await db.outbox.toArray();
  const blob = new Blob(
    [JSON.stringify({ exportedAt: new Date().toISOString(), entries }, null, 2)],
    { type: 'application/json' },
  );
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `rollcall-pending-${Date.now()}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

// Admins and managers (read-only) see the admin side; ushers see only their sessions.
const ADMIN_SCREENS = [
  ['conflicts', 'Conflicts'],
  ['reports', 'Reports'],
  ['history', 'Sync history'],
  ['devices', 'Devices'],
  ['ushers', 'Ushers'],
  ['participants', 'Participants'],
  ['schedule', 'Schedule'],
  ['excuses', 'Excuses'],
] as const;
const ADMIN_ONLY = [
  ['audit', 'Audit log'],
  ['settings', 'Settings'],
] as const;

export function AccountMenu() {
  const login = useSession((s) => s.login);
  const go = useSession((s) => s.go);
  const screen = useSession((s) => s.screen);
  const status = useSyncStatus();
  const [refusal, setRefusal] = useState<string | null>(null);
  const station = useSession((s) => s.station);
  if (!login) return null;
  // A locked station shows no navigation: an usher hands it to volunteers at a door.
  if (station)
    return (
      <nav className="top-nav" aria-label="Main">
        <span className="grow muted">Check-in station · {login.organization.name}</span>
      </nav>
    );
  const isStaff = login.user.role === 'admin' || login.user.role === 'manager';

  const logout = async () => {
    const out = await signOut();
    if (out.signedOut) return;
    const { pending } = out;
    setRefusal(
      `${pending} change${pending > 1 ? 's are' : ' is'} not synced yet. Signing out now would lose ${pending > 1 ? 'them' : 'it'}. Connect and wait for the sync, or export the pending changes as a file.`,
    );
  };

  return (
    <nav className="top-nav" aria-label="Main">
      <button
        type="button"
        className="link"
        aria-current={screen.name === 'sessions' || screen.name === 'checkin' ? 'page' : undefined}
        onClick={() => go({ name: 'sessions' })}
      >
        Sessions
      </button>
      {isStaff &&
        ADMIN_SCREENS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            className="link"
            aria-current={screen.name === name ? 'page' : undefined}
            onClick={() => go({ name })}
          >
            {label}
            {name === 'conflicts' && status.conflicts > 0 && (
              <span className="count-badge" aria-label={`${status.conflicts} open`}>
                {status.conflicts}
              </span>
            )}
          </button>
        ))}
      {login.user.role === 'admin' &&
        ADMIN_ONLY.map(([name, label]) => (
          <button
            key={name}
            type="button"
            className="link"
            aria-current={screen.name === name ? 'page' : undefined}
            onClick={() => go({ name })}
          >
            {label}
          </button>
        ))}
      <span className="grow muted">
        {login.user.displayName} · {login.organization.name}
      </span>
      <button type="button" className="link" onClick={() => void logout()}>
        Sign out
      </button>
      {refusal && (
        <div className="banner error" role="alert">
          {refusal}
          <button type="button" className="link" onClick={() => void exportPending()}>
            Export pending changes
          </button>
          <button type="button" className="link" onClick={() => setRefusal(null)}>
            OK
          </button>
        </div>
      )}
    </nav>
  );
}
