// Logging out with changes still queued would lose them: refuse, explain, and offer an export.
import { useState } from 'react';
import { api, db, engine } from '../../app-context.ts';
import { useSyncStatus } from '../sync/status-bar.tsx';
import { useSession } from './session-store.ts';

async function exportPending() {
  const entries = await db.outbox.toArray();
  const blob = new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), entries }, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `rollcall-pending-${Date.now()}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

export function AccountMenu() {
  const login = useSession((s) => s.login);
  const setLogin = useSession((s) => s.setLogin);
  const go = useSession((s) => s.go);
  const status = useSyncStatus();
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!login) return null;

  const logout = async () => {
    await engine.refreshCounts();
    const pending = engine.getStatus().pending;
    if (pending > 0) {
      setRefusal(`${pending} change${pending > 1 ? 's are' : ' is'} not synced yet. Signing out now would lose ${pending > 1 ? 'them' : 'it'}. Connect and wait for the sync, or export the pending changes as a file.`);
      return;
    }
    await api.logout().catch(() => {});
    await db.transaction('rw', db.tables, async () => { for (const t of db.tables) if (t.name !== 'outbox') await t.clear(); });
    setLogin(null);
  };

  return (
    <nav className="top-nav" aria-label="Main">
      <button type="button" className="link" onClick={() => go({ name: 'sessions' })}>Sessions</button>
      {login.user.role === 'admin' && (
        <button type="button" className="link" onClick={() => go({ name: 'conflicts' })}>Conflicts{status.conflicts ? ` (${status.conflicts})` : ''}</button>
      )}
      <span className="grow muted">{login.user.displayName} · {login.organization.name}</span>
      <button type="button" className="link" onClick={() => void logout()}>Sign out</button>
      {refusal && (
        <div className="banner error" role="alert">
          {refusal}
          <button type="button" className="link" onClick={() => void exportPending()}>Export pending changes</button>
          <button type="button" className="link" onClick={() => setRefusal(null)}>OK</button>
        </div>
      )}
    </nav>
  );
}
