// The filter line under a PDF's title: what the report covers, in words a reader of the printout
// can check (names, not ids).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findGroup, findSession } from './reports.repository.ts';
import { utc } from './report-pdf.ts';

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
  const [session, group] = await Promise.all([
    f.sessionId ? findSession(db, org, f.sessionId) : undefined,
    f.groupId ? findGroup(db, org, f.groupId) : undefined,
  ]);
  const out: string[] = [];
  if (session) out.push(`Session: ${session.name}, ${utc(session.scheduled_start)}`);
  if (group) out.push(`Group: ${group.name} and its subgroups`);
  if (!session && !group) out.push('Every group');
  if (f.from && f.to) out.push(`From ${f.from.slice(0, 10)} to ${f.to.slice(0, 10)}`);
  return [...out, ...extra];
}
