// Checking rows of past attendance, without I/O. A row names a session (by id, or by name and the
// date and time it happened in the importer's time zone), a participant (by external key or
// personal code) and a presence state. Problems carry the row (1 = first data row), field and why.
import { isUuid } from '@rollcall/shared';
import { localToInstant, parseLocalDate, parseLocalTime } from '../../lib/local-time.ts';

export const ATTENDANCE_FIELDS = [
  'session_id',
  'session_name',
  'session_date',
  'session_time',
  'session_groups',
  'external_key',
  'personal_code',
  'state',
  'checked_in_at',
] as const;
export type AttendanceField = (typeof ATTENDANCE_FIELDS)[number];
export type RawAttendanceRow = Partial<Record<AttendanceField, string>>;

export type SessionRef =
  | { kind: 'id'; id: string }
  /** dayStart/dayEnd bound the local day; start is set when the file gives a time. */
  | {
      kind: 'named';
      name: string;
      dayStart: number;
      dayEnd: number;
      start: number | null;
      groupNames: string[];
    };

export interface CleanAttendanceRow {
  row: number;
  session: SessionRef;
  externalKey: string | null;
  personalCode: string | null;
  state: string;
  /** When the person arrived, if the file says; otherwise the session's start is used. */
  checkedInAt: number | null;
}
export interface AttendanceProblem {
  row: number;
  field: AttendanceField;
  message: string;
}

const text = (v: string | undefined) => (v ?? '').trim();

export function checkAttendanceRows(
  rows: RawAttendanceRow[],
  opts: { timeZone: string; states: Set<string>; groupNames: Set<string>; now: number },
) {
  const problems: AttendanceProblem[] = [];
  const clean: CleanAttendanceRow[] = [];
  rows.forEach((raw, i) => {
    const row = i + 1;
    const before = problems.length;
    const bad = (field: AttendanceField, message: string) => problems.push({ row, field, message });
    const session = sessionRef(raw, opts, bad);
    const externalKey = text(raw.external_key) || null;
    const personalCode = text(raw.personal_code) || null;
    if (!externalKey && !personalCode)
      bad('external_key', 'give an external key or a personal code for the participant');
    const state = text(raw.state).toLowerCase();
    if (!state) bad('state', 'is required');
    else if (!opts.states.has(state))
      bad('state', `"${state}" is not a presence state here (${[...opts.states].join(', ')})`);
    const checkedInAt = arrival(raw, opts.timeZone, bad);
    if (problems.length > before || !session) return;
    clean.push({ row, session, externalKey, personalCode, state, checkedInAt });
  });
  return { clean, problems };
}

type Bad = (field: AttendanceField, message: string) => void;

function sessionRef(
  raw: RawAttendanceRow,
  opts: { timeZone: string; groupNames: Set<string>; now: number },
  bad: Bad,
): SessionRef | null {
  const id = text(raw.session_id);
  if (id)
    return isUuid(id)
      ? { kind: 'id', id: id.toLowerCase() }
      : (bad('session_id', `"${String(id)}" is not a session id`), null);
  const name = text(raw.session_name);
  if (!name) return (bad('session_name', 'give a session id, or a session name and date'), null);
  if (name.length > 200) return (bad('session_name', 'is longer than 200 characters'), null);
  const date = parseLocalDate(text(raw.session_date));
  if (!date)
    return (bad('session_date', `"${text(raw.session_date)}" is not a date like 2025-03-02`), null);
  const timeText = text(raw.session_time);
  const time = timeText ? parseLocalTime(timeText) : null;
  if (timeText && !time)
    return (bad('session_time', `"${timeText}" is not a time like 09:30`), null);
  const dayStart = localToInstant(date, [0, 0], opts.timeZone);
  const next = new Date(Date.UTC(date[0], date[1] - 1, date[2] + 1));
  const dayEnd = localToInstant(
    [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
    [0, 0],
    opts.timeZone,
  );
  const start = time ? localToInstant(date, time, opts.timeZone) : null;
  if ((start ?? dayStart) > opts.now)
    return (bad('session_date', 'is in the future: only past attendance can be imported'), null);
  const groupNames = text(raw.session_groups)
    .split(';')
    .map((g) => g.trim())
    .filter(Boolean);
  const unknown = groupNames.filter((g) => !opts.groupNames.has(g));
  if (unknown.length) return (bad('session_groups', `no group is called "${unknown[0]}"`), null);
  return { kind: 'named', name, dayStart, dayEnd, start, groupNames };
}

/** checked_in_at: a time on the session's date ("09:42") or a full ISO instant. */
function arrival(raw: RawAttendanceRow, timeZone: string, bad: Bad): number | null {
  const v = text(raw.checked_in_at);
  if (!v) return null;
  const hm = parseLocalTime(v);
  const date = parseLocalDate(text(raw.session_date));
  if (hm && date) return localToInstant(date, hm, timeZone);
  if (hm)
    return (
      bad('checked_in_at', 'a time alone needs session_date; give a full date and time instead'),
      null
    );
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
  return Number.isNaN(ms)
    ? (bad('checked_in_at', `"${v}" is not a time like 09:42 or 2025-03-02T09:42:00Z`), null)
    : ms;
}
