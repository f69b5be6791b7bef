// How each report reads on screen.
import { formatLocale, useT, type T } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';
import { when } from '../../lib/use-remote.ts';
import { methodLabel } from '../conflicts/readable.ts';

interface Row {
  sessionName: string;
  scheduledStart: string;
  participantId: string;
  participantName: string;
  expected: boolean;
  state: string;
  /** The state as the totals name it ("No record" for missing); older servers send only the code. */
  stateLabel?: string;
  method: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  /** Check-out (protocol 3 servers): when they left and for how long they were there. */
  leftAt?: string | null;
  minutesPresent?: number | null;
}
export interface Attendance {
  sessions: {
    id: string;
    name: string;
    scheduledStart: string;
    expected: number;
    attended: number;
    walkIns: number;
    rate: number | null;
  }[];
  totals: {
    sessions: number;
    expected: number;
    attended: number;
    /** Everyone in a present state, walk-ins included (older servers: absent). */
    present?: number;
    rate: number | null;
    walkIns: number;
    byState: { state: string; label: string; count: number }[];
  };
  rows: Row[];
  totalRows: number;
}
export interface Absentees {
  session: { name: string };
  expected: number;
  total: number;
  rows: Row[];
}
export interface Drifting {
  missed: number;
  of: number;
  total: number;
  items: {
    participantId: string;
    participantName: string;
    missed: number;
    of: number;
    lastAttendedAt: string | null;
  }[];
}
export interface UsherActivity {
  sessions: number;
  total: number;
  ushers: {
    userId: string;
    name: string;
    role: string;
    total: number;
    byMethod: Record<string, number>;
  }[];
}

/** "85%", as the language in use writes a share. */
export const percent = (r: number | null) =>
  r === null
    ? '—'
    : new Intl.NumberFormat(formatLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
        r,
      );

const duration = (t: T<'reports'>, m: number | null | undefined) =>
  m === null || m === undefined
    ? '—'
    : m < 60
      ? t('minutes', { m })
      : t('hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });

// The server's code for "nobody recorded anything" (its label is English: "No record").
const MISSING = 'missing';

/** A state as the organization names it, in the user's language while it keeps a default name. */
function reportState(t: T<'reports'>, code: string, label: string | undefined) {
  if (code === MISSING) return t('noRecord');
  return label === undefined ? code : stateLabel({ code, label });
}

function Rows({ rows }: { rows: Row[] }) {
  const t = useT('reports');
  // Time present shows only where someone was checked out: with departures off, nothing changes.
  const departures = rows.some((r) => r.leftAt);
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('participant')}</th>
          <th>{t('session')}</th>
          <th>{t('state')}</th>
          <th>{t('how')}</th>
          <th>{t('when')}</th>
          <th>{t('by')}</th>
          {departures && <th>{t('presentFor')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.sessionName}${r.scheduledStart}${r.participantId}`}>
            <td>
              <span translate="no">{r.participantName}</span>
              {!r.expected && <span className="tag">{t('walkIn')}</span>}
            </td>
            <td translate="no">{r.sessionName}</td>
            <td>{reportState(t, r.state, r.stateLabel)}</td>
            <td>{r.method === null ? '—' : methodLabel(r.method)}</td>
            <td>{when(r.recordedAt)}</td>
            <td translate="no">{r.recordedBy ?? '—'}</td>
            {departures && <td>{duration(t, r.minutesPresent)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttendanceView({ r }: { r: Attendance }) {
  const t = useT('reports');
  if (r.totals.sessions === 0) return <p className="muted">{t('noAttendance')}</p>;
  // One headline: everyone who attended (the sum of the present states listed beside it), then
  // how many of the expected members that is, and the walk-ins that make up the rest.
  const present = r.totals.present ?? r.totals.attended;
  return (
    <>
      <section className="card live-head" aria-label={t('totals')}>
        <div>
          <span className="label">{t('attended')}</span>
          <strong className="huge">{present}</strong>
          <span className="muted">
            {t('headline', {
              attended: r.totals.attended,
              expected: r.totals.expected,
              rate: percent(r.totals.rate),
              walkIns: present - r.totals.attended,
              count: r.totals.sessions,
            })}
          </span>
        </div>
        <ul className="state-counts">
          {r.totals.byState.map((s) => (
            <li key={s.state}>
              {reportState(t, s.state, s.label)} <strong>{s.count}</strong>
            </li>
          ))}
        </ul>
      </section>
      <table className="table">
        <thead>
          <tr>
            <th>{t('session')}</th>
            <th>{t('when')}</th>
            <th>{t('attended')}</th>
            <th>{t('expected')}</th>
            <th>{t('rate')}</th>
          </tr>
        </thead>
        <tbody>
          {r.sessions.map((s) => (
            <tr key={s.id}>
              <td translate="no">{s.name}</td>
              <td>{when(s.scheduledStart)}</td>
              <td>{s.attended}</td>
              <td>{s.expected}</td>
              <td>{percent(s.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        {t('people')}{' '}
        <span className="muted">
          ({r.totalRows}
          {r.rows.length < r.totalRows ? t('firstShown', { count: r.rows.length }) : ''})
        </span>
      </h2>
      <Rows rows={r.rows} />
    </>
  );
}

export function AbsenteesView({ r }: { r: Absentees }) {
  const t = useT('reports');
  return (
    <>
      <p>{t('absentees', { total: r.total, expected: r.expected, session: r.session.name })}</p>
      <Rows rows={r.rows} />
    </>
  );
}

export function DriftingView({ r }: { r: Drifting }) {
  const t = useT('reports');
  return (
    <>
      <p>{t('drifting', { total: r.total, missed: r.missed, count: r.of })}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('participant')}</th>
            <th>{t('missed')}</th>
            <th>{t('lastAttended')}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((d) => (
            <tr key={d.participantId}>
              <td translate="no">{d.participantName}</td>
              <td>{t('missedOf', { missed: d.missed, of: d.of })}</td>
              <td>{when(d.lastAttendedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function UsherView({ r }: { r: UsherActivity }) {
  const t = useT('reports');
  const methods = [...new Set(r.ushers.flatMap((u) => Object.keys(u.byMethod)))].sort();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('usher')}</th>
          <th>{t('total')}</th>
          {methods.map((m) => (
            <th key={m}>{methodLabel(m)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {r.ushers.map((u) => (
          <tr key={u.userId}>
            <td translate="no">{u.name}</td>
            <td>{u.total}</td>
            {methods.map((m) => (
              <td key={m}>{u.byMethod[m] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
