// Bulk resolution: one rule for many conflicts, previewed (what changes, how many) before it runs.
import type { PresenceState, ResolvedConflict as PreviewItem } from '@rollcall/shared';
import { useState } from 'react';
import { client } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';
import type { Choice } from './conflict-card.tsx';
import { errorText } from '../../lib/error-text.ts';

export function BulkPanel({
  ids,
  states,
  label,
  onDone,
  onError,
}: {
  ids: string[];
  states: PresenceState[];
  label(code: string | null): string;
  onDone(): Promise<void>;
  onError(m: string): void;
}) {
  const t = useT('conflicts');
  const [rule, setRule] = useState('keep_a');
  const [preview, setPreview] = useState<PreviewItem[] | null>(null);
  const choice = (): Choice =>
    rule === 'keep_a' || rule === 'keep_b' ? { choice: rule } : { choice: 'state', state: rule };
  const ask = async () => {
    try {
      const res = await client.conflicts.bulkResolve({
        ids,
        resolution: choice(),
        preview: true,
      });
      setPreview(res.items);
    } catch (e) {
      onError(errorText(e));
    }
  };
  const apply = async () => {
    try {
      await client.conflicts.bulkResolve({ ids, resolution: choice() });
      setPreview(null);
      await onDone();
    } catch (e) {
      onError(errorText(e));
    }
  };
  const changing = preview?.filter((p) => p.fromState !== p.toState).length ?? 0;
  return (
    <section className="card bulk" aria-label={t('bulk')}>
      <div className="row">
        <strong className="grow">{t('selected', { count: ids.length })}</strong>
        <select
          aria-label={t('ruleForAll')}
          value={rule}
          onChange={(e) => {
            setRule(e.target.value);
            setPreview(null);
          }}
        >
          <option value="keep_a">{t('keepFirst')}</option>
          <option value="keep_b">{t('keepSecond')}</option>
          {states.map((s) => (
            <option key={s.code} value={s.code}>
              {t('setAll', { state: stateLabel(s) })}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={() => void ask()}>
          {t('preview')}
        </button>
      </div>
      {preview && (
        <div role="region" aria-label={t('preview')}>
          <p>{t('previewSummary', { count: changing, total: preview.length })}</p>
          <ul className="preview-list">
            {preview.map((p) => (
              <li key={p.id}>
                <span translate="no">{p.participantName}</span>:{' '}
                {p.fromState === null ? '—' : label(p.fromState)} →{' '}
                <strong>{label(p.toState)}</strong>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="primary" onClick={() => void apply()}>
              {t('resolveN', { count: preview.length })}
            </button>
            <button type="button" className="link" onClick={() => setPreview(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
