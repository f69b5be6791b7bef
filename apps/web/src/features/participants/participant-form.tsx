// Create or edit one participant: names, codes, guardian, active, group membership.
import type { Group, Participant } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../app-context.ts';
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
      () =>
        p
          ? api.patch(`/api/v1/participants/${p.id}`, body)
          : api.post('/api/v1/participants', body),
      setProblem,
    );
    if (ok) await onDone();
  };
  return (
    <form
      className="card"
      aria-label={p ? `Edit ${p.firstName} ${p.lastName}` : 'New participant'}
      onSubmit={(e) => void submit(e)}
    >
      <h2>{p ? `Edit ${p.firstName} ${p.lastName}` : 'New participant'}</h2>
      <div className="form-grid">
        <label>
          <span className="label">First name</span>
          <input name="firstName" required defaultValue={p?.firstName} />
        </label>
        <label>
          <span className="label">Last name</span>
          <input name="lastName" defaultValue={p?.lastName} />
        </label>
        <label>
          <span className="label">Preferred name</span>
          <input name="preferredName" defaultValue={p?.preferredName ?? ''} />
        </label>
        <label>
          <span className="label">Personal code (5 digits; blank = assign one)</span>
          <input
            name="personalCode"
            inputMode="numeric"
            pattern="\d{5}"
            defaultValue={p?.personalCode}
          />
        </label>
        <label>
          <span className="label">External key</span>
          <input name="externalKey" defaultValue={p?.externalKey ?? ''} />
        </label>
        <label>
          <span className="label">Guardian</span>
          <input name="guardianName" defaultValue={p?.guardianName ?? ''} />
        </label>
        <label>
          <span className="label">Guardian phone</span>
          <input name="guardianPhone" type="tel" defaultValue={p?.guardianPhone ?? ''} />
        </label>
        <label className="check-label">
          <input type="checkbox" name="active" defaultChecked={p?.active ?? true} /> Active
        </label>
      </div>
      <fieldset>
        <legend>Groups</legend>
        <div className="row">
          {groups.map((g) => (
            <label key={g.id} className="check-label">
              <input
                type="checkbox"
                name="groupIds"
                value={g.id}
                defaultChecked={p?.groupIds.includes(g.id)}
              />{' '}
              {g.name}
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
          Save
        </button>
        <button type="button" className="link" onClick={() => void onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
