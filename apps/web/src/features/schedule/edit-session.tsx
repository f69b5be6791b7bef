// Editing one session in place: its name, place, day and times, late-after and expected groups.
// Past sessions too (an imported service with the wrong time is fixed here, not re-imported).
import type { Group, Session } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { client } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { attempt } from '../../lib/use-remote.ts';
import { useOrgZone } from '../settings/org-zone.ts';
import { localParts } from './occurrences.ts';
import { readSessionForm, SessionFields } from './session-fields.tsx';

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
  const t = useT('schedule');
  // The form shows and reads the day and times in the organization's zone, like the list.
  const zone = useOrgZone();
  const start = localParts(session.scheduledStart, zone);
  const initial = {
    name: session.name,
    location: session.location ?? '',
    date: start.date,
    start: start.time,
    end: localParts(session.scheduledEnd, zone).time,
    late: session.lateAfterMinutes ?? ('' as const),
    groupIds: session.groupIds,
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { occurrences, ...fields } = readSessionForm(new FormData(e.currentTarget), 1, zone);
    const body = { ...fields, ...occurrences[0] };
    if (await attempt(() => client.sessions.update(session.id, body), setProblem)) await onDone();
  };
  return (
    <form
      className="card"
      aria-label={t('editForm', { name: session.name })}
      onSubmit={(e) => void submit(e)}
    >
      <SessionFields groups={groups} initial={initial} />
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {t('saveChanges')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
