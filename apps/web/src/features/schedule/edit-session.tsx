// Editing one session in place: its name, place, day and times, late-after and expected groups.
// Past sessions too (an imported service with the wrong time is fixed here, not re-imported).
import type { Group, Session } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../app-context.ts';
import { attempt } from '../../lib/use-remote.ts';
import { useOrgZone } from '../settings/org-zone.ts';
import { localParts, weeklyOccurrences } from './occurrences.ts';

export function EditSession({
  session,
  groups,
  onDone,
  onCancel,
}: {
  session: Session;
  groups: Group[];
  onDone(): Promise<void>;
  onCancel(): void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  // The form shows and reads the day and times in the organization's zone, like the list.
  const zone = useOrgZone();
  const start = localParts(session.scheduledStart, zone);
  const end = localParts(session.scheduledEnd, zone);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const late = String(f.get('late'));
    const [when] = weeklyOccurrences(
      String(f.get('date')),
      String(f.get('start')),
      String(f.get('end')),
      1,
      zone,
    );
    const body = {
      name: String(f.get('name')),
      location: String(f.get('location')) || null,
      groupIds: f.getAll('groupIds').map(String),
      lateAfterMinutes: late === '' ? null : Number(late),
      ...when,
    };
    if (await attempt(() => api.patch(`/api/v1/sessions/${session.id}`, body), setProblem))
      await onDone();
  };
  return (
    <form className="card" aria-label={`Edit ${session.name}`} onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <label>
          <span className="label">Name</span>
          <input name="name" required defaultValue={session.name} />
        </label>
        <label>
          <span className="label">Location</span>
          <input name="location" defaultValue={session.location ?? ''} />
        </label>
        <label>
          <span className="label">Date</span>
          <input name="date" type="date" required defaultValue={start.date} />
        </label>
        <label>
          <span className="label">Starts</span>
          <input name="start" type="time" required defaultValue={start.time} />
        </label>
        <label>
          <span className="label">Ends</span>
          <input name="end" type="time" required defaultValue={end.time} />
        </label>
        <label>
          <span className="label">Late after (min)</span>
          <input
            name="late"
            type="number"
            min={0}
            max={1440}
            placeholder="organization default"
            defaultValue={session.lateAfterMinutes ?? ''}
          />
        </label>
      </div>
      <fieldset>
        <legend>Groups expected</legend>
        <div className="row">
          {groups.map((g) => (
            <label key={g.id} className="check-label">
              <input
                type="checkbox"
                name="groupIds"
                value={g.id}
                defaultChecked={session.groupIds.includes(g.id)}
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
          Save changes
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
