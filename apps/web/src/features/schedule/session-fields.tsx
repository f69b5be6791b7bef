// The fields a session is made of, shared by the "New session" form and the edit form: the same
// labels, limits and reading of the form, so a field added to one is in both.
import type { Group } from '@rollcall/shared';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.ts';
import { weeklyOccurrences } from './occurrences.ts';

export interface SessionFieldValues {
  name: string;
  location: string;
  date: string;
  start: string;
  end: string;
  late: number | '';
  groupIds: string[];
}

export function SessionFields({
  groups,
  initial,
  children,
}: {
  groups: Group[];
  initial: SessionFieldValues;
  /** More fields in the same grid (the new-session form's weekly repeat). */
  children?: ReactNode;
}) {
  const t = useT('schedule');
  return (
    <>
      <div className="form-grid">
        <label>
          <span className="label">{t('name')}</span>
          <input name="name" required defaultValue={initial.name} />
        </label>
        <label>
          <span className="label">{t('location')}</span>
          <input name="location" defaultValue={initial.location} />
        </label>
        <label>
          <span className="label">{t('date')}</span>
          <input name="date" type="date" required defaultValue={initial.date} />
        </label>
        <label>
          <span className="label">{t('starts')}</span>
          <input name="start" type="time" required defaultValue={initial.start} />
        </label>
        <label>
          <span className="label">{t('ends')}</span>
          <input name="end" type="time" required defaultValue={initial.end} />
        </label>
        <label>
          <span className="label">{t('lateAfter')}</span>
          <input
            name="late"
            type="number"
            min={0}
            max={1440}
            placeholder={t('orgDefault')}
            defaultValue={initial.late}
          />
        </label>
        {children}
      </div>
      <fieldset>
        <legend>{t('groupsExpected')}</legend>
        <div className="row">
          {groups.map((g) => (
            <label key={g.id} className="check-label">
              <input
                type="checkbox"
                name="groupIds"
                value={g.id}
                defaultChecked={initial.groupIds.includes(g.id)}
              />{' '}
              <span translate="no">{g.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** The session a filled form describes, with `weeks` weekly occurrences in the organization's zone. */
export function readSessionForm(f: FormData, weeks: number, zone: string) {
  const late = String(f.get('late'));
  return {
    name: String(f.get('name')),
    location: String(f.get('location')) || null,
    groupIds: f.getAll('groupIds').map(String),
    lateAfterMinutes: late === '' ? null : Number(late),
    occurrences: weeklyOccurrences(
      String(f.get('date')),
      String(f.get('start')),
      String(f.get('end')),
      weeks,
      zone,
    ),
  };
}
