// Create or edit one participant: names, codes, guardian, active, group membership.
import type { Group, Participant } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { client } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { attempt } from '../../lib/use-remote.ts';

const orNull = (v: FormDataEntryValue | null) =>
  v === null || String(v).trim() === '' ? null : String(v).trim();

export function ParticipantForm({
  p,
  groups,
  onDone,
}: {
  p: Participant | null;
  groups: Group[];
  onDone(): Promise<void>;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT('participants');
  const title = p ? t('editTitle', { name: `${p.firstName} ${p.lastName}` }) : t('newParticipant');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const code = orNull(f.get('personalCode'));
    const body = {
      firstName: String(f.get('firstName')).trim(),
      lastName: String(f.get('lastName')).trim(),
      preferredName: orNull(f.get('preferredName')),
      externalKey: orNull(f.get('externalKey')),
      guardianName: orNull(f.get('guardianName')),
      guardianPhone: orNull(f.get('guardianPhone')),
      groupIds: f.getAll('groupIds').map(String),
      active: f.get('active') === 'on',
      ...(code ? { personalCode: code } : {}),
    };
    const ok = await attempt(
      () => (p ? client.participants.update(p.id, body) : client.participants.create(body)),
      setProblem,
    );
    if (ok) await onDone();
  };
  return (
    <form className="card" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h2>{title}</h2>
      <div className="form-grid">
        <label>
          <span className="label">{t('firstName')}</span>
          <input name="firstName" required defaultValue={p?.firstName} />
        </label>
        <label>
          <span className="label">{t('lastName')}</span>
          <input name="lastName" defaultValue={p?.lastName} />
        </label>
        <label>
          <span className="label">{t('preferredName')}</span>
          <input name="preferredName" defaultValue={p?.preferredName ?? ''} />
        </label>
        <label>
          <span className="label">{t('personalCode')}</span>
          <input
            name="personalCode"
            inputMode="numeric"
            pattern="\d{5}"
            defaultValue={p?.personalCode}
          />
        </label>
        <label>
          <span className="label">{t('externalKey')}</span>
          <input name="externalKey" defaultValue={p?.externalKey ?? ''} />
        </label>
        <label>
          <span className="label">{t('guardian')}</span>
          <input name="guardianName" defaultValue={p?.guardianName ?? ''} />
        </label>
        <label>
          <span className="label">{t('guardianPhone')}</span>
          <input name="guardianPhone" type="tel" defaultValue={p?.guardianPhone ?? ''} />
        </label>
        <label className="check-label">
          <input type="checkbox" name="active" defaultChecked={p?.active ?? true} /> {t('active')}
        </label>
      </div>
      <fieldset>
        <legend>{t('groups')}</legend>
        <div className="row">
          {groups.map((g) => (
            <label key={g.id} className="check-label">
              <input
                type="checkbox"
                name="groupIds"
                value={g.id}
                defaultChecked={p?.groupIds.includes(g.id)}
              />{' '}
              <span translate="no">{g.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {t('save')}
        </button>
        <button type="button" className="link" onClick={() => void onDone()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
