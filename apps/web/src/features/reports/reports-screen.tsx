// Reports for leaders: attendance, absentees, drifting, weekly trends and usher activity, each
// downloadable as CSV or PDF (both streamed by the server, so a large export never sits in memory;
// the PDF of one session is a printable attendance sheet, that of trends carries the chart).
import { downloadName, type ApiRoutes } from '@rollcall/shared';
import { files, remote } from '../../app-context.ts';
import type { Remote } from '../../lib/api-client.ts';
import { useState } from 'react';
import { attempt, downloadFile, useRemote } from '../../lib/use-remote.ts';
import {
  AbsenteesView,
  AttendanceView,
  DriftingView,
  UsherView,
  type Absentees,
  type Attendance,
  type Drifting,
  type UsherActivity,
} from './report-views.tsx';
import { TrendsChart, type Week } from './trends-chart.tsx';
import { dateIn, displayZone, todayIn } from '../../lib/zone-format.ts';
import { useT } from '../../i18n/i18n.ts';

type Kind = 'attendance' | 'absentees' | 'drifting' | 'trends' | 'usher-activity';
const KINDS: Kind[] = ['trends', 'attendance', 'absentees', 'drifting', 'usher-activity'];
/** Each report's route in the API's table. */
const ROUTE = {
  attendance: 'attendance',
  absentees: 'absentees',
  drifting: 'drifting',
  trends: 'trends',
  'usher-activity': 'usherActivity',
} as const satisfies Record<Kind, keyof ApiRoutes['reports']>;
/** The fields of every report's query; each kind sets those it needs (NEEDS). */
interface ReportQuery {
  sessionId?: string;
  groupId?: string;
  from?: string;
  to?: string;
  missed?: number;
  of?: number;
  format?: 'csv' | 'pdf';
}
// One call for whichever report is chosen: the screen sets only the fields its kind takes.
const readReport = (kind: Kind, q: ReportQuery) =>
  (remote.reports[ROUTE[kind]] as (q: ReportQuery) => Remote<unknown>)(q);
const reportFile = (kind: Kind, q: ReportQuery) =>
  (files.reports[ROUTE[kind]] as (q: ReportQuery) => Promise<Blob>)(q);
const NEEDS: Record<Kind, ('session' | 'group' | 'range' | 'drift')[]> = {
  attendance: ['session', 'group', 'range'],
  absentees: ['session'],
  drifting: ['group', 'drift'],
  trends: ['group', 'range'],
  'usher-activity': ['session', 'group', 'range'],
};
// The organization's days: the server reads these dates in its zone too.
const isoDay = (d: Date) => todayIn(displayZone(), d.getTime());

export function ReportsScreen() {
  const [kind, setKind] = useState<Kind>('trends');
  const t = useT('reports');
  const sessions = useRemote(remote.sessions.list()).data?.items ?? [];
  const groups = useRemote(remote.groups.list()).data?.items ?? [];
  const [sessionId, setSessionId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 182 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const [missed, setMissed] = useState(2);
  const [of, setOf] = useState(3);
  const [problem, setProblem] = useState<string | null>(null);
  const needs = NEEDS[kind];
  const group = groupId || groups[0]?.id || '';
  const session = sessionId || sessions.at(-1)?.id || '';
  const q: ReportQuery = {};
  if (needs.includes('session') && (kind === 'absentees' || !needs.includes('group') || sessionId))
    q.sessionId = session;
  // Drifting and trends may cover every group; the others need one (the first by default).
  else if (needs.includes('group') && ((kind !== 'drifting' && kind !== 'trends') || groupId))
    q.groupId = group;
  if (needs.includes('range') && q.sessionId === undefined) {
    q.from = from;
    q.to = to;
  }
  if (needs.includes('drift')) {
    q.missed = missed;
    q.of = of;
  }
  const ready = !(q.sessionId === '' || q.groupId === '');
  const { data, error } = useRemote(ready ? readReport(kind, q) : null);
  const fileName = (format: 'csv' | 'pdf') =>
    downloadName({
      kind,
      format,
      zone: displayZone(),
      nowMs: Date.now(),
      session: q.sessionId !== undefined ? sessions.find((s) => s.id === session) : undefined,
      group: q.groupId !== undefined ? groups.find((g) => g.id === group) : undefined,
      range: q.from !== undefined ? { from, to } : undefined,
    });

  return (
    <main className="screen wide-screen">
      <h1>{t('title')}</h1>
      <form className="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span className="label">{t('report')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {needs.includes('session') && (
          <label>
            <span className="label">{t('session')}</span>
            <select value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
              {kind !== 'absentees' && (
                <option value="">
                  {needs.includes('group') ? t('byGroupAndDates') : t('latest')}
                </option>
              )}
              {[...sessions].reverse().map((s) => (
                <option key={s.id} value={s.id} translate="no">
                  {s.name} · {dateIn(s.scheduledStart)}
                </option>
              ))}
            </select>
          </label>
        )}
        {needs.includes('group') && q.sessionId === undefined && (
          <label>
            <span className="label">{t('group')}</span>
            <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              {kind === 'drifting' && <option value="">{t('everyGroup')}</option>}
              {kind === 'trends' && <option value="">{t('wholeOrganization')}</option>}
              {groups.map((g) => (
                <option key={g.id} value={g.id} translate="no">
                  {g.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {/* A session chosen for another report does not hide the dates of one without sessions. */}
        {needs.includes('range') && q.sessionId === undefined && (
          <>
            <label>
              <span className="label">{t('from')}</span>
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              <span className="label">{t('to')}</span>
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </>
        )}
        {needs.includes('drift') && (
          <>
            <label>
              <span className="label">{t('missedAtLeast')}</span>
              <input
                type="number"
                min={1}
                max={52}
                value={missed}
                onChange={(e) => setMissed(Number(e.target.value))}
              />
            </label>
            <label>
              <span className="label">{t('ofTheirLast')}</span>
              <input
                type="number"
                min={1}
                max={52}
                value={of}
                onChange={(e) => setOf(Number(e.target.value))}
              />
            </label>
          </>
        )}
      </form>
      <div className="row">
        {(['csv', 'pdf'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="secondary"
            disabled={!ready}
            onClick={() =>
              void attempt(
                () => downloadFile(reportFile(kind, { ...q, format }), fileName(format)),
                setProblem,
              )
            }
          >
            {t('download', { format: format.toUpperCase() })}
          </button>
        ))}
      </div>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      {data !== null && !error && (
        <section aria-label={t(`kind.${kind}`)}>
          {kind === 'trends' && <TrendsChart weeks={(data as { weeks: Week[] }).weeks} />}
          {kind === 'attendance' && <AttendanceView r={data as Attendance} />}
          {kind === 'absentees' && <AbsenteesView r={data as Absentees} />}
          {kind === 'drifting' && <DriftingView r={data as Drifting} />}
          {kind === 'usher-activity' && <UsherView r={data as UsherActivity} />}
        </section>
      )}
    </main>
  );
}
