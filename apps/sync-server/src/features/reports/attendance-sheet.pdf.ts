// The attendance PDFs. One session: a printable attendance sheet, a ruled row per expected
// participant (walk-ins too, marked) with an empty signature column, and the totals by state at the
// end. A group over dates: a summary block, the sessions, then every row. And a session's absentees.
// Rows are written as they are read, a page at a time, like the CSV.
import { describeFilters } from './pdf-filters.ts';
import { streamRows, table, type Column } from './pdf-table.ts';
import { pct, sendPdf, wordsOf, type PdfRequest, type ReportPdf } from './report-pdf.ts';
import type { Words } from './report-words.ts';
import {
  absenteesExport,
  attendanceExport,
  withGroupNames,
  type AttendanceQuery,
  type ReportRow,
} from './reports.service.ts';

type Attendance = Awaited<ReturnType<typeof attendanceExport>>;
type Row = ReportRow & { groups: string };
/** The code of "no record" (someone expected, nothing recorded). */
const MISSING = 'missing';

/** The headline, as the web shows it: everyone who attended, then members of how many expected and walk-ins. */
const headline = (
  w: Words,
  t: {
    present: number;
    attended: number;
    expected: number;
    rate: number | null;
  },
) =>
  [
    [w.attended, t.present],
    [w.members, w.membersOfExpected(t.attended, t.expected)],
    [w.rate, pct(t.rate)],
    [w.walkIns, t.present - t.attended],
  ] as [string, string | number][];
/** A state in the organization's words; "no record" in the export's language. */
const stateWord = (w: Words, s: { state: string; label: string }) =>
  s.state === MISSING ? w.noRecord : s.label;
const rowState = (w: Words, r: ReportRow) => stateWord(w, { state: r.state, label: r.stateLabel });
/**
 * "09:04" on the session's own day (in the organization's zone), "01-01 00:10" on another: the
 * column has room for eleven characters, and a full date there lost the time (a watch-night
 * service's arrivals after midnight printed as "2027-01-01…").
 */
function checkedIn(pdf: ReportPdf, at: string | null, day: string) {
  if (!at) return '';
  const stamp = pdf.time(at);
  return stamp.startsWith(`${day} `) ? stamp.slice(day.length + 1) : stamp.slice(5);
}
const groupCell = (w: Words, r: Row) => (r.expected ? r.groups : w.walkIn);

export async function attendancePdf(r: PdfRequest, q: AttendanceQuery) {
  const a = await attendanceExport(r.db, r.org, q, r.nowMs);
  const w = await wordsOf(r);
  const filters = await describeFilters(
    r.db,
    r.org,
    a.scope,
    q.state ? [w.onlyState(q.state === MISSING ? w.noRecord : q.state)] : [],
  );
  const single = a.scope.sessionId !== null;
  const title = single ? w.attendanceSheet : w.attendanceReport;
  return sendPdf(r, { name: 'attendance', title, filters }, (pdf) =>
    single ? drawSheet(pdf, a, withGroupNames(r.db, a.scope, a.pages)) : drawRange(pdf, a, a.pages),
  );
}

const sheetColumns = (w: Words): Column[] => [
  { header: '#', width: 8, align: 'right' },
  { header: w.participant, width: 23 },
  { header: w.group, width: 14 },
  { header: w.state, width: 10 },
  { header: w.arrived, width: 13 },
  { header: w.method, width: 8 },
  { header: w.signature, width: 24 },
];

async function drawSheet(pdf: ReportPdf, a: Attendance, rows: AsyncIterable<Row[]>) {
  const { words: w } = pdf;
  const s = a.sessions[0]!;
  const day = pdf.time(s.scheduledStart).slice(0, 10);
  pdf.heading(`${s.name}  ·  ${pdf.time(s.scheduledStart)}`);
  pdf.facts(headline(w, s));
  const t = table(pdf, sheetColumns(w), { rowHeight: 20, ruled: true });
  const done = await streamRows(pdf, t, rows, (row, n) => [
    n,
    row.participantName,
    groupCell(w, row),
    rowState(w, row),
    checkedIn(pdf, row.recordedAt, day),
    row.method,
    '',
  ]);
  if (!done) return;
  pdf.heading(w.totalsByState);
  const totals = table(
    pdf,
    [
      { header: w.state, width: 3 },
      { header: w.count, width: 1, align: 'right' },
    ],
    { width: pdf.width / 2 },
  );
  for (const b of a.totals.byState) totals.row([stateWord(w, b), b.count]);
  totals.row([w.participantsListed, t.rows]);
}

const sessionColumns = (w: Words): Column[] => [
  { header: w.session, width: 30 },
  { header: w.starts, width: 18 },
  { header: w.expected, width: 10, align: 'right' },
  { header: w.attended, width: 10, align: 'right' },
  { header: w.walkIns, width: 10, align: 'right' },
  { header: w.rate, width: 8, align: 'right' },
];
// Portrait A4 has room for seven columns: the session's day stands for its start, the time of the
// record drops its date when it is the session's day, and a walk-in is marked by their name.
const peopleColumns = (w: Words): Column[] => [
  { header: w.session, width: 20 },
  { header: w.day, width: 11 },
  { header: w.participant, width: 23 },
  { header: w.state, width: 10 },
  { header: w.method, width: 8 },
  { header: w.time, width: 13 },
  { header: w.by, width: 14 },
];
const bare = (pdf: ReportPdf, at: string | null) => (at ? pdf.time(at) : '');

async function drawRange(pdf: ReportPdf, a: Attendance, rows: AsyncIterable<ReportRow[]>) {
  const { words: w } = pdf;
  pdf.heading(w.summary);
  pdf.facts([
    [w.sessions, a.totals.sessions],
    ...headline(w, a.totals),
    ...a.totals.byState.map((b): [string, number] => [stateWord(w, b), b.count]),
  ]);
  pdf.heading(w.sessions);
  const sessions = table(pdf, sessionColumns(w));
  for (const s of a.sessions)
    sessions.row([
      s.name,
      bare(pdf, s.scheduledStart),
      s.expected,
      s.attended,
      s.walkIns,
      pct(s.rate),
    ]);
  pdf.heading(w.participants);
  const t = table(pdf, peopleColumns(w));
  await streamRows(pdf, t, rows, (r) => {
    const day = pdf.time(r.scheduledStart).slice(0, 10);
    return [
      r.sessionName,
      day,
      r.expected ? r.participantName : w.walkInMark(r.participantName),
      rowState(w, r),
      r.method,
      checkedIn(pdf, r.recordedAt, day),
      r.recordedBy,
    ];
  });
}

export async function absenteesPdf(r: PdfRequest, q: { sessionId: string }) {
  const a = await absenteesExport(r.db, r.org, q, r.nowMs);
  const w = await wordsOf(r);
  const filters = await describeFilters(r.db, r.org, { sessionId: q.sessionId }, [
    w.absenteesFilter,
  ]);
  const rows = withGroupNames(r.db, a.scope, a.pages);
  return sendPdf(r, { name: 'absentees', title: w.absentees, filters }, async (pdf) => {
    pdf.heading(`${a.session.name}  ·  ${pdf.time(a.session.scheduled_start)}`);
    pdf.facts([
      [w.expected, a.expected],
      [w.absentOrNoRecord, a.total],
    ]);
    const t = table(pdf, [
      { header: '#', width: 8, align: 'right' },
      { header: w.participant, width: 25 },
      { header: w.group, width: 16 },
      { header: w.state, width: 11 },
      { header: w.method, width: 9 },
      { header: w.recorded, width: 16 },
      { header: w.by, width: 15 },
    ]);
    await streamRows(pdf, t, rows, (row, n) => [
      n,
      row.participantName,
      groupCell(w, row),
      rowState(w, row),
      row.method,
      bare(pdf, row.recordedAt),
      row.recordedBy,
    ]);
  });
}
