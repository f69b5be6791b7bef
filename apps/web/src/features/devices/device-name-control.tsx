// "This device: Front door tablet · Rename": the name admins see on the live page and conflict
// cards, changed here later (online: the name lives on the server).
import { useState } from 'react';
import { ApiError } from '../../sync/api.ts';
import { useSession } from '../auth/session-store.ts';
import { defaultDeviceName, rememberedDeviceName, renameDevice } from './device-name.ts';

export function DeviceNameControl() {
  const displayName = useSession((s) => s.login?.user.displayName);
  const [name, setName] = useState(() => rememberedDeviceName());
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (value: string) => {
    setBusy(true);
    setProblem(null);
    try {
      setName(await renameDevice(value.trim()));
      setDraft(null);
    } catch (e) {
      setProblem(
        e instanceof ApiError && e.status === 0
          ? 'Renaming needs the network. Try again when online.'
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  };

  if (draft === null)
    return (
      <span className="device-name">
        <span className="muted">This device: </span>
        <span data-testid="device-name">{name ?? 'unnamed'}</span>
        <button
          type="button"
          className="link"
          onClick={() => setDraft(name ?? defaultDeviceName(navigator.userAgent, displayName))}
        >
          Rename
        </button>
      </span>
    );
  return (
    <form
      className="device-name-form row"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim()) void save(draft);
      }}
    >
      <label className="grow">
        <span className="label">Device name</span>
        <input
          value={draft}
          maxLength={100}
          required
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy || !draft.trim()}>
        Save
      </button>
      <button type="button" className="secondary" onClick={() => setDraft(null)}>
        Cancel
      </button>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
