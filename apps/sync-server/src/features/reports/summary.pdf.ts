// The trends PDF, a summary report of a group over weeks: the totals (first-time and returning
// included), the weekly attendance chart, and the weeks as a table. The report is small (a row per
// week), so it is the same cached one the JSON answers.
import { describeFilters } from './pdf-filters.ts';
import { table, type Column } from './pdf-table.ts';
import { pct, sendPdf, wordsOf, type PdfRequest } from './report-pdf.ts';
import type { Words } from './report-words.ts';
import { drawTrendsChart } from './trends-chart.pdf.ts';
import type { trendsReport } from './trends.service.ts';

type Trends = Awaited<ReturnType<typeof trendsReport>>;

const weekColumns = (w: Words): Column[] => [
  { header: w.week, width: 11 },
  { header: w.starts, width: 12 },
  { header: w.sessions, width: 9, align: 'right' },
  { header: w.present, width: 9, align: 'right' },
  { header: w.expected, width: 9, align: 'right' },
  { header: w.rate, width: 8, align: 'right' },
  { header: w.attendees, width: 10, align: 'right' },
  { header: w.firstTime, width: 10, align: 'right' },
  { header: w.returning, width: 10, align: 'right' },
];

function totals(t: Trends, w: Words) {
  const sum = (k: 'sessions' | 'present' | 'firstTime' | 'returning') =>
    t.weeks.reduce((n, w) => n + w[k], 0);
  const latest = t.weeks.at(-1);
  return [
    [w.weeks, t.weeks.length],
    [w.sessions, sum('sessions')],
    [w.attendedRecords, sum('present')],
    [w.firstTimeAttendees, sum('firstTime')],
    [w.returningSumOfWeeks, sum('returning')],
    [w.latestWeek, latest?.week ?? '—'],
    [w.latestAttendees, latest?.attendees ?? 0],
    [w.latestRate, pct(latest?.rate ?? null)],
  ] satisfies [string, string | number][];
}

export async function summaryPdf(r: PdfRequest, t: Trends) {
  const filters = await describeFilters(r.db, r.org, {
    groupId: t.groupId,
    from: t.from,
    to: t.to,
  });
  const w = await wordsOf(r);
  return sendPdf(r, { name: 'trends', title: w.weeklyTrends, filters }, async (pdf) => {
    pdf.heading(w.summary);
    pdf.facts(totals(t, w));
    pdf.heading(w.weeklyAttendance);
    drawTrendsChart(pdf, t.weeks);
    pdf.heading(w.weeks);
    const weeks = table(pdf, weekColumns(w));
    for (const w of t.weeks)
      weeks.row([
        w.week,
        w.weekStart,
        w.sessions,
        w.present,
        w.expected,
        pct(w.rate),
        w.attendees,
        w.firstTime,
        w.returning,
      ]);
  });
}
