// How long the server keeps presence and audit entries, and what the retention command would remove
// if it ran today. The limits stay on the server: devices never receive them.
import { useState, type FormEvent } from 'react';
import { client, remote } from '../../app-context.ts';
import { formatLocale, useT } from '../../i18n/i18n.ts';
import { attempt, useRemote } from '../../lib/use-remote.ts';
import { displayZone } from '../../lib/zone-format.ts';

const day = (iso: string) =>
  new Date(iso).toLocaleDateString(formatLocale(), {
    dateStyle: 'medium',
    timeZone: displayZone(),
  });

export function RetentionCard({ canWrite }: { canWrite: boolean }) {
  const t = useT('settings');
  const r = useRemote(remote.organization.retention());
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = { presenceYears: Number(f.get('presence')), auditYears: Number(f.get('audit')) };
    if (await attempt(() => client.organization.setRetention(body), setProblem)) {
      setSaved(true);
      setProblem(null);
      await r.reload();
    }
  };
  if (!r.data)
    return r.error ? (
      <p className="error-text" role="alert">
        {r.error}
      </p>
    ) : null;
  const { policy, defaults, preview: p } = r.data;
  return (
    <form
      className="card"
      aria-label={t('retention')}
      onSubmit={(e) => void submit(e)}
      onChange={() => setSaved(false)}
    >
      <h2>{t('retention')}</h2>
      <div className="form-grid">
        <label>
          <span className="label">{t('keepAttendance')}</span>
          <input
            name="presence"
            type="number"
            min={0.1}
            max={50}
            step="any"
            required
            disabled={!canWrite}
            defaultValue={policy.presenceYears}
          />
        </label>
        <label>
          <span className="label">{t('keepAudit')}</span>
          <input
            name="audit"
            type="number"
            min={0.1}
            max={50}
            step="any"
            required
            disabled={!canWrite}
            defaultValue={policy.auditYears}
          />
        </label>
      </div>
      <p className="muted">
        {t('defaultAttendance', { count: defaults.presenceYears })}{' '}
        {t('defaultAudit', { count: defaults.auditYears })} {t('operatorApplies')}
      </p>
      <p data-testid="retention-preview">
        {t('previewRecords', { count: p.removed.presenceRecords, date: day(p.presenceBefore) })}{' '}
        {t('previewWith', {
          changes: p.removed.changes,
          conflicts: p.removed.conflicts,
          excuses: p.removed.excuses,
        })}{' '}
        {t('previewAudit', { count: p.removed.auditEntries, date: day(p.auditBefore) })}
      </p>
      {r.data.problems.map((m) => (
        <p key={m} className="error-text">
          {m}
        </p>
      ))}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {canWrite && (
        <div className="row">
          <button type="submit" className="primary">
            {t('saveLimits')}
          </button>
          {saved && <span role="status">{t('saved')}</span>}
        </div>
      )}
    </form>
  );
}
