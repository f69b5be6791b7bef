// What can be imported from CSV: the columns each kind knows, where it goes, and how to say what
// happened. Participants go in one request, all or nothing; past attendance can be a year of
// sessions, so it goes in parts of CHUNK rows, and a stopped import is finished by sending the same
// file again (rows already in come back unchanged).
import type { AttendanceImportOutcome, ImportOutcome } from '@rollcall/shared';
import { ATTENDANCE_FIELDS, PARTICIPANT_FIELDS, type Field, type Need } from './columns.ts';

/** Either kind's answer: attendance adds the sessions it made and the rows it kept. */
export type Outcome = ImportOutcome &
  Partial<Pick<AttendanceImportOutcome, 'sessionsCreated' | 'kept'>>;

export interface ImportKind {
  label: string;
  endpoint: string;
  template: { path: string; file: string };
  fields: readonly Field[];
  /** The columns a check needs (the server's "is required" rules), matched before it runs. */
  needs: readonly Need[];
  /** How rows find what they update, shown above the file input. */
  help?: string;
  /** Rows per request; without it the whole file is one all-or-nothing request. */
  chunk?: number;
  body(): object;
}

/** What a check found or an import did, in the tense that fits (a check is about the future). */
export const summary = (o: Outcome) => {
  const future = o.dryRun;
  const s = [
    `${o.created} new`,
    `${o.updated} ${future ? 'to update' : 'updated'}`,
    `${o.unchanged} unchanged`,
  ];
  if (o.sessionsCreated)
    s.unshift(`${o.sessionsCreated} session(s) ${future ? 'to create' : 'created'}`);
  if (o.kept?.length) s.push(`${o.kept.length} kept as recorded at the door`);
  return s.join(', ');
};

export const participantsImport: ImportKind = {
  label: 'Import participants',
  endpoint: '/api/v1/imports/participants',
  template: {
    path: '/api/v1/imports/participants/template.csv',
    file: 'participants-template.csv',
  },
  fields: PARTICIPANT_FIELDS,
  needs: [[['first_name']]],
  // The server's rule (apps/sync-server/src/features/imports/participant-match.ts), in short.
  help: 'A row updates the participant with its external key, else with its personal code, when the first and last name agree. A code or key of someone else under another name is shown as a problem, never a rename; to correct a name, give both the external key and the personal code.',
  body: () => ({}),
};

export const attendanceImport: ImportKind = {
  label: 'Import past attendance',
  endpoint: '/api/v1/imports/attendance',
  template: { path: '/api/v1/imports/attendance/template.csv', file: 'attendance-template.csv' },
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
  body: () => ({}),
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
