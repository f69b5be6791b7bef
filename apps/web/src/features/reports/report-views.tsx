// How each report reads on screen.
import { when } from '../../lib/use-remote.ts';

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

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

const duration = (m: number | null | undefined) =>
  m === null || m === undefined
    ? '—'
    : m < 60
      ? `${m} min`
      : `${Math.floor(m / 60)} h ${m % 60} min`;

function Rows({ rows }: { rows: Row[] }) {
  // Time present shows only where someone was checked out: with departures off, nothing changes.
  const departures = rows.some((r) => r.leftAt);
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Participant</th>
          <th>Session</th>
          <th>State</th>
          <th>How</th>
          <th>When</th>
          <th>By</th>
          {departures && <th>Present for</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.sessionName}${r.scheduledStart}${r.participantId}`}>
            <td>
              {r.participantName}
              {!r.expected && <span className="tag">walk-in</span>}
            </td>
            <td>{r.sessionName}</td>
            <td>{r.stateLabel ?? r.state}</td>
            <td>{r.method ?? '—'}</td>
            <td>{when(r.recordedAt)}</td>
            <td>{r.recordedBy ?? '—'}</td>
            {departures && <td>{duration(r.minutesPresent)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttendanceView({ r }: { r: Attendance }) {
  if (r.totals.sessions === 0) return <p className="muted">No attendance recorded yet.</p>;
  // One headline: everyone who attended (the sum of the present states listed beside it), then
  // how many of the expected members that is, and the walk-ins that make up the rest.
  const present = r.totals.present ?? r.totals.attended;
  return (
    <>
      <section className="card live-head" aria-label="Totals">
        <div>
          <span className="label">Attended</span>
          <strong className="huge">{present}</strong>
          <span className="muted">
            {' '}
            · {r.totals.attended} of {r.totals.expected} expected members ({pct(r.totals.rate)}) ·{' '}
            {present - r.totals.attended} walk-ins · {r.totals.sessions} sessions
          </span>
        </div>
        <ul className="state-counts">
          {r.totals.byState.map((s) => (
            <li key={s.state}>
              {s.label} <strong>{s.count}</strong>
            </li>
          ))}
        </ul>
      </section>
      <table className="table">
        <thead>
          <tr>
            <th>Session</th>
            <th>When</th>
            <th>Attended</th>
            <th>Expected</th>
            <th>Rate</th>
          </tr>
        </thead>
        <tbody>
          {r.sessions.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{when(s.scheduledStart)}</td>
              <td>{s.attended}</td>
              <td>{s.expected}</td>
              <td>{pct(s.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        People{' '}
        <span className="muted">
          ({r.totalRows}
          {r.rows.length < r.totalRows ? `, first ${r.rows.length} shown — the CSV has all` : ''})
        </span>
      </h2>
      <Rows rows={r.rows} />
    </>
  );
}

export const AbsenteesView = ({ r }: { r: Absentees }) => (
  <>
    <p>
      <strong>{r.total}</strong> of {r.expected} expected were absent or not recorded at{' '}
      {r.session.name}.
    </p>
    <Rows rows={r.rows} />
  </>
);

export const DriftingView = ({ r }: { r: Drifting }) => (
  <>
    <p>
      <strong>{r.total}</strong> people missed at least {r.missed} of their last {r.of} sessions.
    </p>
    <table className="table">
      <thead>
        <tr>
          <th>Participant</th>
          <th>Missed</th>
          <th>Last attended</th>
        </tr>
      </thead>
      <tbody>
        {r.items.map((d) => (
          <tr key={d.participantId}>
            <td>{d.participantName}</td>
            <td>
              {d.missed} of {d.of}
            </td>
            <td>{when(d.lastAttendedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
);

export function UsherView({ r }: { r: UsherActivity }) {
  const methods = [...new Set(r.ushers.flatMap((u) => Object.keys(u.byMethod)))].sort();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Usher</th>
          <th>Total</th>
          {methods.map((m) => (
            <th key={m}>{m}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {r.ushers.map((u) => (
          <tr key={u.userId}>
            <td>{u.name}</td>
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
