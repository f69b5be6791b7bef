// Weekly attendance as a chart: stacked bars of returning and first-time attendees, the attendance
// rate as a line on its own axis. Plain SVG (no chart library in the bundle), readable in both
// colour schemes, with the numbers available as a table for screen readers.
export interface Week {
  week: string;
  weekStart: string;
  sessions: number;
  present: number;
  expected: number;
  rate: number | null;
  attendees: number;
  firstTime: number;
  returning: number;
}

const W = 720;
const H = 260;
const PAD = { l: 40, r: 44, t: 16, b: 36 };

export function TrendsChart({ weeks }: { weeks: Week[] }) {
  // Nobody attended: say so rather than draw empty axes.
  if (weeks.every((w) => w.attendees === 0))
    return <p className="muted">No attendance recorded yet.</p>;
  const max = Math.max(1, ...weeks.map((w) => w.attendees));
  const plotW = W - PAD.l - PAD.r;
  const plotH = H - PAD.t - PAD.b;
  const step = plotW / weeks.length;
  const bar = Math.max(2, step * 0.7);
  const y = (n: number) => PAD.t + plotH - (n / max) * plotH;
  const yRate = (r: number) => PAD.t + plotH - r * plotH;
  const x = (i: number) => PAD.l + i * step + (step - bar) / 2;
  const ratePoints = weeks
    .map((w, i) => (w.rate === null ? null : `${x(i) + bar / 2},${yRate(w.rate)}`))
    .filter(Boolean)
    .join(' ');
  const labelEvery = Math.ceil(weeks.length / 8);
  const last = weeks.at(-1)!;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Weekly attendance over ${weeks.length} weeks; latest week ${last.week}: ${last.attendees} attendees, ${last.firstTime} first-time${last.rate === null ? '' : `, rate ${Math.round(last.rate * 100)}%`}`}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(max * f)} y2={y(max * f)} className="grid" />
            <text x={PAD.l - 6} y={y(max * f) + 4} textAnchor="end" className="axis">
              {Math.round(max * f)}
            </text>
            <text x={W - PAD.r + 6} y={yRate(f) + 4} className="axis">
              {Math.round(f * 100)}%
            </text>
          </g>
        ))}
        {weeks.map((w, i) => (
          <g key={w.week}>
            <rect
              x={x(i)}
              y={y(w.returning)}
              width={bar}
              height={plotH + PAD.t - y(w.returning)}
              className="returning"
            >
              <title>
                {w.week}: {w.returning} returning
              </title>
            </rect>
            <rect
              x={x(i)}
              y={y(w.returning + w.firstTime)}
              width={bar}
              height={y(w.returning) - y(w.returning + w.firstTime)}
              className="first-time"
            >
              <title>
                {w.week}: {w.firstTime} first-time
              </title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={x(i) + bar / 2} y={H - PAD.b + 16} textAnchor="middle" className="axis">
                {/* a calendar date (the organization's Monday), not an instant */}
                {new Date(`${w.weekStart}T00:00:00Z`).toLocaleDateString([], {
                  month: 'short',
                  day: 'numeric',
                  timeZone: 'UTC',
                })}
              </text>
            )}
          </g>
        ))}
        {ratePoints && <polyline points={ratePoints} className="rate" />}
      </svg>
      <figcaption className="legend">
        <span>
          <i className="key returning" /> Returning
        </span>
        <span>
          <i className="key first-time" /> First-time
        </span>
        <span>
          <i className="key rate" /> Attendance rate
        </span>
      </figcaption>
      <details>
        <summary>Numbers</summary>
        <table className="table">
          <thead>
            <tr>
              <th>Week</th>
              <th>Sessions</th>
              <th>Attendees</th>
              <th>First-time</th>
              <th>Returning</th>
              <th>Rate</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <td>{w.week}</td>
                <td>{w.sessions}</td>
                <td>{w.attendees}</td>
                <td>{w.firstTime}</td>
                <td>{w.returning}</td>
                <td>{w.rate === null ? '—' : `${Math.round(w.rate * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
