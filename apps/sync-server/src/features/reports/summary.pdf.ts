// The trends PDF, a summary report of a group over weeks: the totals (first-time and returning
// included), the weekly attendance chart, and the weeks as a table. The report is small (a row per
// week), so it is the same cached one the JSON answers.
import { describeFilters } from './pdf-filters.ts';
import { table, type Column } from './pdf-table.ts';
import { pct, sendPdf, type PdfRequest } from './report-pdf.ts';
import { drawTrendsChart } from './trends-chart.pdf.ts';
import type { trendsReport } from './trends.service.ts';

type Trends = Awaited<ReturnType<typeof trendsReport>>;

const WEEKS: Column[] = [
  { header: 'Week', width: 11 },
  { header: 'Starts', width: 12 },
  { header: 'Sessions', width: 9, align: 'right' },
  { header: 'Present', width: 9, align: 'right' },
  { header: 'Expected', width: 9, align: 'right' },
  { header: 'Rate', width: 8, align: 'right' },
  { header: 'Attendees', width: 10, align: 'right' },
  { header: 'First-time', width: 10, align: 'right' },
  { header: 'Returning', width: 10, align: 'right' },
];

function totals(t: Trends) {
  const sum = (k: 'sessions' | 'present' | 'firstTime' | 'returning') =>
    t.weeks.reduce((n, w) => n + w[k], 0);
  const latest = t.weeks.at(-1);
  return [
    ['Weeks', t.weeks.length],
    ['Sessions', sum('sessions')],
    ['Attended records', sum('present')],
    ['First-time attendees', sum('firstTime')],
    ['Returning (sum of weeks)', sum('returning')],
    ['Latest week', latest?.week ?? '—'],
    ['Latest attendees', latest?.attendees ?? 0],
    ['Latest rate', pct(latest?.rate ?? null)],
  ] satisfies [string, string | number][];
}

export async function summaryPdf(r: PdfRequest, t: Trends) {
  const filters = await describeFilters(r.db, r.org, {
    groupId: t.groupId,
    from: t.from,
    to: t.to,
  });
  return sendPdf(r, { name: 'trends', title: 'Weekly trends', filters }, async (pdf) => {
    pdf.heading('Summary');
    pdf.facts(totals(t));
    pdf.heading('Weekly attendance');
    drawTrendsChart(pdf, t.weeks);
    pdf.heading('Weeks');
    const weeks = table(pdf, WEEKS);
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
