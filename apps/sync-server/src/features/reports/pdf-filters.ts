// The filter line under a PDF's title: what the report covers, in words a reader of the printout
// can check (names, not ids).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatLocalDate, localDateOf } from '@rollcall/shared';
import { findGroup, findSession, organizationOf } from './reports.repository.ts';
import { stamp } from './report-pdf.ts';

export interface FilterScope {
  sessionId?: string | null | undefined;
  groupId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}

export async function describeFilters(
  db: Kysely<Database>,
  org: string,
  f: FilterScope,
  extra: string[] = [],
): Promise<string[]> {
  const [session, group, { zone, words: w }] = await Promise.all([
    f.sessionId ? findSession(db, org, f.sessionId) : undefined,
    f.groupId ? findGroup(db, org, f.groupId) : undefined,
    organizationOf(db, org),
  ]);
  const day = (at: string) => formatLocalDate(localDateOf(Date.parse(at), zone));
  const out: string[] = [];
  if (session) out.push(w.sessionFilter(session.name, stamp(session.scheduled_start, zone)));
  if (group) out.push(w.groupFilter(group.name));
  if (!session && !group) out.push(w.everyGroup);
  if (f.from && f.to) out.push(w.dateRange(day(f.from), day(f.to)));
  return [...out, ...extra];
}
