// One participant's attendance over time, newest first.
import { METHODS, type Method, type Participant } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, remote } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';
import { useRemote, when } from '../../lib/use-remote.ts';

const isMethod = (m: string): m is Method => (METHODS as readonly string[]).includes(m);

export function AttendanceHistory({ p, onClose }: { p: Participant; onClose(): void }) {
  const t = useT('participants');
  const name = `${p.firstName} ${p.lastName}`;
  // Records carry a state's code; its name is the organization's (a default one in this language).
  const states = useLiveQuery(() => db.presenceStates.toArray(), []) ?? [];
  const stateName = (code: string) => {
    const s = states.find((x) => x.code === code);
    return s ? stateLabel(s) : code;
  };
  const { data, error } = useRemote(remote.participants.attendance(p.id));
  return (
    <section className="card" aria-label={t('attendanceOf', { name })}>
      <div className="row">
        <h2 className="grow">{t('attendanceTitle', { name })}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {data?.items.length === 0 && <p className="muted">{t('noAttendance')}</p>}
      {data && data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('col.session')}</th>
              <th>{t('col.when')}</th>
              <th>{t('col.state')}</th>
              <th>{t('col.how')}</th>
              <th>{t('col.by')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={i.sessionId}>
                <td translate="no">{i.sessionName}</td>
                <td>{when(i.scheduledStart)}</td>
                <td>
                  {i.state === null ? t('cleared') : stateName(i.state)}
                  {i.hasConflict && <span className="tag warn">{t('conflict')}</span>}
                </td>
                <td>{isMethod(i.method) ? t(`method.${i.method}`) : i.method}</td>
                <td translate="no">{i.recordedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
