// Reports for admins and managers, always of the caller's organization. Each answers JSON (cached
// briefly, see report-cache.ts; `Cache-Control: no-cache` asks for a fresh one) or, with
// ?format=csv or Accept: text/csv, a streamed CSV download of every row, or, with ?format=pdf or
// Accept: application/pdf, a streamed PDF (an attendance sheet for one session, a summary with the
// chart for trends, tables for the rest; see report-pdf.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, reportSchemas as s } from '@rollcall/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, who } from '../../plugins/auth.ts';
import { onePage, sendCsv, wantsCsv } from '../../lib/csv.ts';
import { absenteesPdf, attendancePdf } from './attendance-sheet.pdf.ts';
import { driftingPages, driftingReport } from './drifting.service.ts';
import { reportCache } from './report-cache.ts';
import { reportFileName, type ReportKind } from './report-file-name.ts';
import type { ScopeQuery } from './report-scope.ts';
import { wantsPdf } from './report-pdf.ts';
import type { Words } from './report-words.ts';
import { organizationOf } from './reports.repository.ts';
import {
  absentees,
  absenteesCsv,
  attendanceCsv,
  attendanceReport,
  type ReportRow,
} from './reports.service.ts';
import { summaryPdf } from './summary.pdf.ts';
import { driftingPdf, usherActivityPdf } from './tables.pdf.ts';
import { trendsReport } from './trends.service.ts';
import { usherActivity } from './usher-activity.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
/** A row's cells; its header is the organization's (`Words.csv.attendance`), in the same order. */
const rowCells = (w: Words) => (r: ReportRow) => [
  r.sessionName,
  r.scheduledStart,
  r.participantId,
  r.participantName,
  r.expected ? 'yes' : 'no',
  // The state in the words the totals, the table and the PDF use; then its code, for filters.
  r.state === 'missing' ? w.noRecord : r.stateLabel,
  r.state,
  r.method,
  r.recordedAt,
  r.recordedBy,
  r.leftAt,
  r.minutesPresent,
];
const withoutFormat = <T extends { format?: unknown }>({ format: _format, ...q }: T) => q;

/** A paged row source started, so its errors (a 404) come before the download does. */
async function started<T>(pages: AsyncGenerator<T>) {
  const first = await pages.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* pages;
  })();
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const db = ctx.db.kysely;
  const cache = reportCache(ctx.notifier, ctx.clock);
  app.addHook('onClose', async () => cache.close());
  const readers = requireRole('admin', 'manager');
  /** The organization's export words: its language and terms, for a CSV's header row. */
  const wordsFor = async (org: string) => (await organizationOf(db, org)).words;
  /** What an export is saved as: the report and what it covers, in the organization's days. */
  const named =
    (org: string, nowMs: number, kind: ReportKind, query: ScopeQuery) => (format: 'csv' | 'pdf') =>
      reportFileName(db, org, nowMs, { kind, format, query });

  async function cached<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    name: string,
    q: object,
    compute: () => Promise<T>,
  ) {
    const key = `${name}?${JSON.stringify(Object.entries(q).sort(([a], [b]) => a.localeCompare(b)))}`;
    const fresh = /no-cache/.test(req.headers['cache-control'] ?? '');
    const { value, hit } = await cache.get(who(req).organizationId, key, compute, fresh);
    reply.header('x-report-cache', hit ? 'hit' : 'miss');
    return value;
  }

  app.get(
    '/reports/attendance',
    {
      onRequest: readers,
      schema: {
        tags: ['reports'],
        querystring: s.AttendanceQuery,
        response: { 200: s.AttendanceReport, ...errors },
      },
    },
    async (req, reply) => {
      const [org, now, q] = [who(req).organizationId, ctx.clock.now(), withoutFormat(req.query)];
      const file = named(org, now, 'attendance', q);
      if (wantsPdf(req))
        return attendancePdf({ db, org, nowMs: now, reply, fileName: await file('pdf') }, q);
      if (wantsCsv(req)) {
        const w = await wordsFor(org);
        return sendCsv(
          reply,
          await file('csv'),
          w.csv.attendance,
          await attendanceCsv(db, org, q, now),
          rowCells(w),
        );
      }
      return cached(req, reply, 'attendance', q, () => attendanceReport(db, org, q, now));
    },
  );

  app.get(
    '/reports/absentees',
    {
      onRequest: readers,
      schema: {
        tags: ['reports'],
        querystring: s.AbsenteesQuery,
        response: { 200: s.AbsenteesReport, ...errors },
      },
    },
    async (req, reply) => {
      const [org, now, q] = [who(req).organizationId, ctx.clock.now(), withoutFormat(req.query)];
      const file = named(org, now, 'absentees', q);
      if (wantsPdf(req))
        return absenteesPdf({ db, org, nowMs: now, reply, fileName: await file('pdf') }, q);
      if (wantsCsv(req)) {
        const w = await wordsFor(org);
        return sendCsv(
          reply,
          await file('csv'),
          w.csv.attendance,
          await absenteesCsv(db, org, q, now),
          rowCells(w),
        );
      }
      return cached(req, reply, 'absentees', q, () => absentees(db, org, q, now));
    },
  );

  app.get(
    '/reports/drifting',
    {
      onRequest: readers,
      schema: {
        tags: ['reports'],
        querystring: s.DriftingQuery,
        response: { 200: s.DriftingReport, ...errors },
      },
    },
    async (req, reply) => {
      const [org, now, q] = [who(req).organizationId, ctx.clock.now(), withoutFormat(req.query)];
      const file = named(org, now, 'drifting', q);
      if (wantsPdf(req))
        return driftingPdf(
          { db, org, nowMs: now, reply, fileName: await file('pdf') },
          { groupId: q.groupId, missed: q.missed ?? 2, of: q.of ?? 3 },
          await started(driftingPages(db, org, q, now)),
        );
      if (wantsCsv(req)) {
        const all = await started(driftingPages(db, org, q, now));
        return sendCsv(reply, await file('csv'), (await wordsFor(org)).csv.drifting, all, (r) => [
          r.participantId,
          r.participantName,
          r.missed,
          r.of,
          r.lastAttendedAt,
        ]);
      }
      return cached(req, reply, 'drifting', q, () => driftingReport(db, org, q, now));
    },
  );

  app.get(
    '/reports/trends',
    {
      onRequest: readers,
      schema: {
        tags: ['reports'],
        querystring: s.TrendsQuery,
        response: { 200: s.TrendsReport, ...errors },
      },
    },
    async (req, reply) => {
      const [org, now, q] = [who(req).organizationId, ctx.clock.now(), withoutFormat(req.query)];
      const report = await cached(req, reply, 'trends', q, () => trendsReport(db, org, q, now));
      const file = named(org, now, 'trends', q);
      if (wantsPdf(req))
        return summaryPdf({ db, org, nowMs: now, reply, fileName: await file('pdf') }, report);
      if (!wantsCsv(req)) return report;
      return sendCsv(
        reply,
        await file('csv'),
        (await wordsFor(org)).csv.trends,
        onePage(report.weeks),
        (w) => [
          w.week,
          w.weekStart,
          w.sessions,
          w.present,
          w.expected,
          w.rate,
          w.attendees,
          w.firstTime,
          w.returning,
        ],
      );
    },
  );

  app.get(
    '/reports/usher-activity',
    {
      onRequest: readers,
      schema: {
        tags: ['reports'],
        querystring: s.UsherActivityQuery,
        response: { 200: s.UsherActivityReport, ...errors },
      },
    },
    async (req, reply) => {
      const [org, now, q] = [who(req).organizationId, ctx.clock.now(), withoutFormat(req.query)];
      const report = await cached(req, reply, 'usher-activity', q, () =>
        usherActivity(db, org, q, now),
      );
      const file = named(org, now, 'usher-activity', q);
      if (wantsPdf(req))
        return usherActivityPdf(
          { db, org, nowMs: now, reply, fileName: await file('pdf') },
          report,
        );
      if (!wantsCsv(req)) return report;
      const rows = report.ushers.flatMap((u) =>
        Object.entries(u.byMethod).map(([method, n]) => ({ ...u, method, n })),
      );
      return sendCsv(
        reply,
        await file('csv'),
        (await wordsFor(org)).csv.usherActivity,
        onePage(rows),
        (r) => [r.userId, r.name, r.role, r.method, r.n],
      );
    },
  );
};
