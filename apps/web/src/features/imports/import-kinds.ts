// What can be imported from CSV: the columns each kind knows, where it goes, and how to say what
// happened. Participants go in one request, all or nothing; past attendance can be a year of
// sessions, so it goes in parts of CHUNK rows, and a stopped import is finished by sending the same
// file again (rows already in come back unchanged).
import type { AttendanceImportOutcome, ImportOutcome } from '@rollcall/shared';
import type { T } from '../../i18n/i18n.ts';
import { ATTENDANCE_FIELDS, PARTICIPANT_FIELDS, type Field, type Need } from './columns.ts';

/** Either kind's answer: attendance adds the sessions it made and the rows it kept. */
export type Outcome = ImportOutcome &
  Partial<Pick<AttendanceImportOutcome, 'sessionsCreated' | 'kept'>>;

export interface ImportKind {
  /** Its words in the catalog: `<id>.label`, and `<id>.help` when `help` is set. */
  id: 'participants' | 'attendance';
  /** The name the downloaded template is saved under. */
  templateFile: string;
  fields: readonly Field[];
  /** The columns a check needs (the server's "is required" rules), matched before it runs. */
  needs: readonly Need[];
  /** How rows find what they update is explained above the file input (`<id>.help`). */
  help?: true;
  /** Rows per request; without it the whole file is one all-or-nothing request. */
  chunk?: number;
}

/** What a check found or an import did, in the tense that fits (a check is about the future). */
export const summary = (o: Outcome, t: T<'imports'>) => {
  const future = o.dryRun;
  const s = [
    t('sum.new', { count: o.created }),
    t(future ? 'sum.toUpdate' : 'sum.updated', { count: o.updated }),
    t('sum.unchanged', { count: o.unchanged }),
  ];
  if (o.sessionsCreated)
    s.unshift(
      t(future ? 'sum.sessionsToCreate' : 'sum.sessionsCreated', { count: o.sessionsCreated }),
    );
  if (o.kept?.length) s.push(t('sum.kept', { count: o.kept.length }));
  // Whole phrases in a list: no phrase is built from another.
  return s.join(', ');
};

export const participantsImport: ImportKind = {
  id: 'participants',
  templateFile: 'participants-template.csv',
  fields: PARTICIPANT_FIELDS,
  needs: [[['first_name']]],
  // The server's rule (apps/sync-server/src/features/imports/participant-match.ts), in short.
  help: true,
};

export const attendanceImport: ImportKind = {
  id: 'attendance',
  templateFile: 'attendance-template.csv',
  fields: ATTENDANCE_FIELDS,
  // A session by id, or by name and date; a participant by key or code; and how they attended.
  needs: [
    [['session_id'], ['session_name', 'session_date']],
    [['external_key'], ['personal_code']],
    [['state']],
  ],
  chunk: 1000,
  // Dates and times in the file are read in the organization's time zone (the server knows it),
  // whichever zone this device is in.
};

/** Adds up the outcomes of the parts of one import; row numbers count from the file's first row. */
export function addOutcome(sum: Outcome | null, part: Outcome, offset: number): Outcome {
  const shift = <T extends { row: number }>(xs: T[] = []) =>
    xs.map((x) => ({ ...x, row: x.row + offset }));
  if (!sum) return { ...part, kept: shift(part.kept), problems: shift(part.problems) };
  return {
    dryRun: part.dryRun,
    total: sum.total + part.total,
    created: sum.created + part.created,
    updated: sum.updated + part.updated,
    unchanged: sum.unchanged + part.unchanged,
    sessionsCreated: (sum.sessionsCreated ?? 0) + (part.sessionsCreated ?? 0),
    kept: [...(sum.kept ?? []), ...shift(part.kept)],
    problems: [...sum.problems, ...shift(part.problems)],
  };
}
