// Weekly attendance as a chart: stacked bars of returning and first-time attendees, the attendance
// rate as a line on its own axis. Plain SVG (no chart library in the bundle), readable in both
// colour schemes, with the numbers available as a table for screen readers.
import { formatLocale, useT } from '../../i18n/i18n.ts';
import { weekLabel } from './week-label.ts';
import { percent } from './report-views.tsx';

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
  const t = useT('reports');
  // Nobody attended: say so rather than draw empty axes.
  if (weeks.every((w) => w.attendees === 0)) return <p className="muted">{t('noAttendance')}</p>;
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
  const summary = {
    count: weeks.length,
    week: weekLabel(t, last.weekStart),
    attendees: last.attendees,
    firstTime: last.firstTime,
  };
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={
          last.rate === null
            ? t('chart', summary)
            : t('chartRate', { ...summary, rate: percent(last.rate) })
        }
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(max * f)} y2={y(max * f)} className="grid" />
            <text x={PAD.l - 6} y={y(max * f) + 4} textAnchor="end" className="axis">
              {Math.round(max * f)}
            </text>
            <text x={W - PAD.r + 6} y={yRate(f) + 4} className="axis">
              {percent(f)}
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
                {t('barReturning', { week: weekLabel(t, w.weekStart), count: w.returning })}
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
                {t('barFirstTime', { week: weekLabel(t, w.weekStart), count: w.firstTime })}
              </title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={x(i) + bar / 2} y={H - PAD.b + 16} textAnchor="middle" className="axis">
                {/* a calendar date (the organization's Monday), not an instant */}
                {new Date(`${w.weekStart}T00:00:00Z`).toLocaleDateString(formatLocale(), {
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
          <i className="key returning" /> {t('returning')}
        </span>
        <span>
          <i className="key first-time" /> {t('firstTime')}
        </span>
        <span>
          <i className="key rate" /> {t('attendanceRate')}
        </span>
      </figcaption>
      <details>
        <summary>{t('numbers')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th>{t('week')}</th>
              <th>{t('sessions')}</th>
              <th>{t('attendees')}</th>
              <th>{t('firstTime')}</th>
              <th>{t('returning')}</th>
              <th>{t('rate')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <td>{weekLabel(t, w.weekStart)}</td>
                <td>{w.sessions}</td>
                <td>{w.attendees}</td>
                <td>{w.firstTime}</td>
                <td>{w.returning}</td>
                <td>{percent(w.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
