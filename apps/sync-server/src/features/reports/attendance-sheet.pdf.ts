// The attendance PDFs. One session: a printable attendance sheet, a ruled row per expected
// participant (walk-ins too, marked) with an empty signature column, and the totals by state at the
// end. A group over dates: a summary block, the sessions, then every row. And a session's absentees.
// Rows are written as they are read, a page at a time, like the CSV.
import { describeFilters } from './pdf-filters.ts';
import { streamRows, table, type Column } from './pdf-table.ts';
import { formatLocalDate, localDateOf } from '@rollcall/shared';
import { fileSlug, pct, sendPdf, type PdfRequest, type ReportPdf } from './report-pdf.ts';
import {
  absenteesExport,
  attendanceExport,
  NO_RECORD,
  withGroupNames,
  type AttendanceQuery,
  type ReportRow,
} from './reports.service.ts';

type Attendance = Awaited<ReturnType<typeof attendanceExport>>;
type Row = ReportRow & { groups: string };

/** The headline, as the web shows it: everyone who attended, then members of how many expected and walk-ins. */
const headline = (t: {
  present: number;
  attended: number;
  expected: number;
  rate: number | null;
}) =>
  [
    ['Attended', t.present],
    ['Members', `${t.attended} of ${t.expected} expected`],
    ['Rate', pct(t.rate)],
    ['Walk-ins', t.present - t.attended],
  ] as [string, string | number][];
/** "09:04" on the session's own day (in the organization's zone), the full date and time otherwise. */
const checkedIn = (pdf: ReportPdf, at: string | null, day: string) =>
  at ? pdf.time(at).replace(`${day} `, '') : '';
const groupCell = (r: Row) => (r.expected ? r.groups : 'walk-in');

export async function attendancePdf(r: PdfRequest, q: AttendanceQuery) {
  const a = await attendanceExport(r.db, r.org, q, r.nowMs);
  const filters = await describeFilters(
    r.db,
    r.org,
    a.scope,
    q.state ? [`Only: ${q.state === 'missing' ? NO_RECORD : q.state}`] : [],
  );
  const single = a.scope.sessionId !== null;
  const title = single ? 'Attendance sheet' : 'Attendance report';
  return sendPdf(r, { name: 'attendance', title, filters, about: aboutOf(a) }, (pdf) =>
    single ? drawSheet(pdf, a, withGroupNames(r.db, a.scope, a.pages)) : drawRange(pdf, a, a.pages),
  );
}

/** The file name's part that says what it covers: the session and its day, or the dates. */
function aboutOf(a: Attendance) {
  const day = (at: string) => formatLocalDate(localDateOf(Date.parse(at), a.scope.zone));
  const s = a.sessions[0];
  if (a.scope.sessionId !== null && s) return `${fileSlug(s.name)}-${day(s.scheduledStart)}`;
  if (a.scope.from && a.scope.to) return `${day(a.scope.from)}-to-${day(a.scope.to)}`;
  return undefined;
}

const SHEET: Column[] = [
  { header: '#', width: 8, align: 'right' },
  { header: 'Participant', width: 23 },
  { header: 'Group', width: 14 },
  { header: 'State', width: 10 },
  { header: 'Arrived', width: 13 },
  { header: 'Method', width: 8 },
  { header: 'Signature', width: 24 },
];

async function drawSheet(pdf: ReportPdf, a: Attendance, rows: AsyncIterable<Row[]>) {
  const s = a.sessions[0]!;
  const day = pdf.time(s.scheduledStart).slice(0, 10);
  pdf.heading(`${s.name}  ·  ${pdf.time(s.scheduledStart)}`);
  pdf.facts(headline(s));
  const t = table(pdf, SHEET, { rowHeight: 20, ruled: true });
  const done = await streamRows(pdf, t, rows, (row, n) => [
    n,
    row.participantName,
    groupCell(row),
    row.stateLabel,
    checkedIn(pdf, row.recordedAt, day),
    row.method,
    '',
  ]);
  if (!done) return;
  pdf.heading('Totals by state');
  const totals = table(
    pdf,
    [
      { header: 'State', width: 3 },
      { header: 'Count', width: 1, align: 'right' },
    ],
    { width: pdf.width / 2 },
  );
  for (const b of a.totals.byState) totals.row([b.label, b.count]);
  totals.row(['Participants listed', t.rows]);
}

const SESSIONS: Column[] = [
  { header: 'Session', width: 30 },
  { header: 'Starts', width: 18 },
  { header: 'Expected', width: 10, align: 'right' },
  { header: 'Attended', width: 10, align: 'right' },
  { header: 'Walk-ins', width: 10, align: 'right' },
  { header: 'Rate', width: 8, align: 'right' },
];
// Portrait A4 has room for seven columns: the session's day stands for its start, the time of the
// record drops its date when it is the session's day, and a walk-in is marked by their name.
const PEOPLE: Column[] = [
  { header: 'Session', width: 20 },
  { header: 'Day', width: 11 },
  { header: 'Participant', width: 23 },
  { header: 'State', width: 10 },
  { header: 'Method', width: 8 },
  { header: 'Time', width: 13 },
  { header: 'By', width: 14 },
];
const bare = (pdf: ReportPdf, at: string | null) => (at ? pdf.time(at) : '');

async function drawRange(pdf: ReportPdf, a: Attendance, rows: AsyncIterable<ReportRow[]>) {
  pdf.heading('Summary');
  pdf.facts([
    ['Sessions', a.totals.sessions],
    ...headline(a.totals),
    ...a.totals.byState.map((b): [string, number] => [b.label, b.count]),
  ]);
  pdf.heading('Sessions');
  const sessions = table(pdf, SESSIONS);
  for (const s of a.sessions)
    sessions.row([
      s.name,
      bare(pdf, s.scheduledStart),
      s.expected,
      s.attended,
      s.walkIns,
      pct(s.rate),
    ]);
  pdf.heading('People');
  const t = table(pdf, PEOPLE);
  await streamRows(pdf, t, rows, (r) => {
    const day = pdf.time(r.scheduledStart).slice(0, 10);
    return [
      r.sessionName,
      day,
      r.expected ? r.participantName : `${r.participantName} (walk-in)`,
      r.stateLabel,
      r.method,
      checkedIn(pdf, r.recordedAt, day),
      r.recordedBy,
    ];
  });
}

export async function absenteesPdf(r: PdfRequest, q: { sessionId: string }) {
  const a = await absenteesExport(r.db, r.org, q, r.nowMs);
  const filters = await describeFilters(r.db, r.org, { sessionId: q.sessionId }, [
    'Absent, another state that is neither present nor excused, or no record',
  ]);
  const rows = withGroupNames(r.db, a.scope, a.pages);
  return sendPdf(r, { name: 'absentees', title: 'Absentees', filters }, async (pdf) => {
    pdf.heading(`${a.session.name}  ·  ${pdf.time(a.session.scheduled_start)}`);
    pdf.facts([
      ['Expected', a.expected],
      ['Absent or no record', a.total],
    ]);
    const t = table(pdf, [
      { header: '#', width: 8, align: 'right' },
      { header: 'Participant', width: 25 },
      { header: 'Group', width: 16 },
      { header: 'State', width: 11 },
      { header: 'Method', width: 9 },
      { header: 'Recorded', width: 16 },
      { header: 'By', width: 15 },
    ]);
    await streamRows(pdf, t, rows, (row, n) => [
      n,
      row.participantName,
      groupCell(row),
      row.stateLabel,
      row.method,
      bare(pdf, row.recordedAt),
      row.recordedBy,
    ]);
  });
}
