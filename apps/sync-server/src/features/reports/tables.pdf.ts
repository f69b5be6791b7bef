// The table PDFs: who is drifting away (streamed a page of participants at a time, like the CSV)
// and check-ins per usher (one row per usher, a column per method, as on screen).
import { describeFilters } from './pdf-filters.ts';
import { streamRows, table } from './pdf-table.ts';
import { sendPdf, wordsOf, type PdfRequest } from './report-pdf.ts';
import type { driftingPages } from './drifting.service.ts';
import type { usherActivity } from './usher-activity.service.ts';

type DriftingPages = ReturnType<typeof driftingPages>;
type Drifter = DriftingPages extends AsyncGenerator<(infer T)[]> ? T : never;

/** `pages` has been started, its first page pulled (so a 404 came before the download did). */
export async function driftingPdf(
  r: PdfRequest,
  q: { groupId?: string | undefined; missed: number; of: number },
  pages: AsyncIterable<Drifter[]>,
) {
  const w = await wordsOf(r);
  const filters = await describeFilters(r.db, r.org, { groupId: q.groupId }, [
    w.driftingFilter(q.missed, q.of),
  ]);
  return sendPdf(r, { name: 'drifting', title: w.driftingAway, filters }, async (pdf) => {
    const t = table(pdf, [
      { header: '#', width: 8, align: 'right' },
      { header: w.participant, width: 42 },
      { header: w.missed, width: 12, align: 'right' },
      { header: w.ofLast, width: 12, align: 'right' },
      { header: w.lastAttended, width: 26 },
    ]);
    if (
      !(await streamRows(pdf, t, pages, (d, n) => [
        n,
        d.participantName,
        d.missed,
        d.of,
        d.lastAttendedAt ? pdf.time(d.lastAttendedAt) : w.never,
      ]))
    )
      return;
    pdf.facts([[w.drifting, t.rows]]);
  });
}

export async function usherActivityPdf(
  r: PdfRequest,
  report: Awaited<ReturnType<typeof usherActivity>>,
) {
  const w = await wordsOf(r);
  const filters = await describeFilters(r.db, r.org, report.scope);
  const methods = [...new Set(report.ushers.flatMap((u) => Object.keys(u.byMethod)))].sort();
  return sendPdf(r, { name: 'usher-activity', title: w.usherActivity, filters }, async (pdf) => {
    pdf.facts([
      [w.sessions, report.sessions],
      [w.checkIns, report.total],
      [w.ushers, report.ushers.length],
    ]);
    const t = table(pdf, [
      { header: w.usher, width: 26 },
      { header: w.role, width: 12 },
      { header: w.total, width: 9, align: 'right' },
      ...methods.map((m) => ({
        header: m,
        width: Math.max(7, 53 / Math.max(1, methods.length)),
        align: 'right' as const,
      })),
    ]);
    for (const u of report.ushers)
      t.row([u.name, u.role, u.total, ...methods.map((m) => u.byMethod[m] ?? 0)]);
  });
}
