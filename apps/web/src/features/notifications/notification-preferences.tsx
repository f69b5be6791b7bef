// Which kinds of notification this user receives; each box saves on its own. Everything starts on.
import type { NotificationKind, NotificationPreference } from '@rollcall/shared';
import { useEffect, useState } from 'react';
import { client, remote } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { attempt, useRemote } from '../../lib/use-remote.ts';

export function NotificationPreferencesForm() {
  const { data, error } = useRemote(remote.notifications.preferences());
  // Shown as chosen at once; put back if the server refuses.
  const [items, setItems] = useState<NotificationPreference[] | null>(null);
  useEffect(() => setItems(data?.items ?? null), [data]);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT('notifications');
  const label = (kind: NotificationKind) => t(`kind.${kind}`);

  const save = async (p: NotificationPreference) => {
    setStatus(null);
    setItems((prev) => prev?.map((x) => (x.kind === p.kind ? p : x)) ?? prev);
    // PATCH: the server answers PUT and PATCH the same way.
    const saved = await attempt(async () => {
      setItems((await client.notifications.setPreferences({ items: [p] })).items);
    }, setProblem);
    if (!saved) {
      setItems(
        (prev) => prev?.map((x) => (x.kind === p.kind ? { ...p, enabled: !p.enabled } : x)) ?? prev,
      );
      return;
    }
    setProblem(null);
    setStatus(p.enabled ? t(`on.${p.kind}`) : t(`off.${p.kind}`));
  };

  return (
    <details className="notif-prefs">
      <summary>{t('preferences')}</summary>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      {items && (
        <fieldset>
          <legend>{t('notifyWhen')}</legend>
          {items.map((p) => (
            <label key={p.kind} className="check-label">
              <input
                type="checkbox"
                checked={p.enabled}
                onChange={(e) => void save({ kind: p.kind, enabled: e.target.checked })}
              />
              {label(p.kind)}
            </label>
          ))}
        </fieldset>
      )}
      {status && (
        <p role="status" className="muted">
          {status}
        </p>
      )}
    </details>
  );
}
