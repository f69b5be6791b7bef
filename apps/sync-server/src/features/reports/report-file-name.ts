// The name an export is downloaded under, by the rule the web's own downloads follow
// (`downloadName`, packages/shared): the report, then the session and its day, or the group and
// the dates the report covers, in the organization's time zone (not the server's, not UTC).
import { downloadName, formatLocalDate, localDateOf } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { rangeOf, type ScopeQuery } from './report-scope.ts';
import * as repo from './reports.repository.ts';

export type ReportKind = 'attendance' | 'absentees' | 'drifting' | 'trends' | 'usher-activity';
// Reports over dates (when not about one session); the others name the day they were made.
const RANGED = new Set<ReportKind>(['attendance', 'trends', 'usher-activity']);

/** An unknown session or group is left out of the name: the report itself answers 404. */
export async function reportFileName(
  db: Kysely<Database>,
  org: string,
  nowMs: number,
  r: { kind: ReportKind; format: 'csv' | 'pdf'; query: ScopeQuery },
) {
  const q = r.query;
  const [{ zone }, session, group] = await Promise.all([
    repo.organizationOf(db, org),
    q.sessionId ? repo.findSession(db, org, q.sessionId) : undefined,
    !q.sessionId && q.groupId ? repo.findGroup(db, org, q.groupId) : undefined,
  ]);
  const day = (at: string) => formatLocalDate(localDateOf(Date.parse(at), zone));
  // The dates the report covers: those asked for, or its defaults (a year up to now).
  const range = RANGED.has(r.kind) && !q.sessionId ? rangeOf(q, nowMs, zone) : undefined;
  return downloadName({
    kind: r.kind,
    format: r.format,
    zone,
    nowMs,
    session: session && { name: session.name, scheduledStart: session.scheduled_start },
    group,
    range: range && { from: day(range.from), to: day(range.to) },
  });
}
