// "This device: Front door tablet · Rename": the name admins see on the live page and conflict
// cards, changed here later (online: the name lives on the server).
import { useState } from 'react';
import { useT } from '../../i18n/i18n.ts';
import { ApiError } from '../../sync/api.ts';
import { useSession } from '../auth/session-store.ts';
import { defaultDeviceName, rememberedDeviceName, renameDevice } from './device-name.ts';

export function DeviceNameControl() {
  const displayName = useSession((s) => s.login?.user.displayName);
  const t = useT('devices');
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
          ? t('renameOffline')
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
        <span className="muted">{t('thisDevice')} </span>
        {name ? (
          <span data-testid="device-name" translate="no">
            {name}
          </span>
        ) : (
          <span data-testid="device-name">{t('unnamed')}</span>
        )}
        <button
          type="button"
          className="link"
          onClick={() => setDraft(name ?? defaultDeviceName(navigator.userAgent, displayName))}
        >
          {t('rename')}
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
        <span className="label">{t('deviceName')}</span>
        <input
          value={draft}
          maxLength={100}
          required
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy || !draft.trim()}>
        {t('save')}
      </button>
      <button type="button" className="secondary" onClick={() => setDraft(null)}>
        {t('cancel')}
      </button>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
