// Importing past attendance (from paper lists or an earlier system). Every row is checked first;
// each request then writes all its rows or none. Sessions are matched by id, or by name on the same
// local day (nearest start when the file gives a time), and created when missing. Re-importing the
// same file changes nothing, so a large file sent in parts can simply be sent again if it stopped.
// A record made at the door is never overwritten by an import: it is kept and reported.
import { uuidv7 } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { HttpError } from '../../lib/errors.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { rosterWrite, type WriteScope } from '../organizations/roster-write.service.ts';
import {
  insertServerPresences,
  writeServerPresence,
  type ServerPresence,
} from '../sync/server-presence.ts';
import {
  checkAttendanceRows,
  type AttendanceProblem,
  type CleanAttendanceRow,
  type RawAttendanceRow,
  type SessionRef,
} from './attendance-rows.ts';

export interface AttendanceOutcome {
  dryRun: boolean;
  total: number;
  sessionsCreated: number;
  created: number;
  updated: number;
  unchanged: number;
  kept: { row: number; message: string }[];
  problems: AttendanceProblem[];
}
type Known = { id: string; name: string; start: number };
type NewSession = { key: string; name: string; start: number; groupIds: Set<string> };
type Target = { sessionId: string | null; newKey: string | null; start: number };
type Step = Target & {
  r: CleanAttendanceRow;
  participantId: string;
  kind: 'create' | 'update' | 'unchanged' | 'kept';
};
type Sessions = { byId: Map<string, Known>; byName: Map<string, Known[]> };

const NEW_SESSION_MS = 2 * 3600_000;
const DAY_MS = 24 * 3600_000;

export async function importAttendance(
  ctx: AppContext,
  auth: AuthContext,
  rows: RawAttendanceRow[],
  timeZone: string,
  dryRun: boolean,
): Promise<AttendanceOutcome> {
  const now = ctx.clock.now();
  const run = async (s: WriteScope | null): Promise<AttendanceOutcome> => {
    const { steps, fresh, problems, kept } = await plan(
      s?.trx ?? ctx.db.kysely,
      auth.organizationId,
      rows,
      timeZone,
      now,
    );
    const count = (k: Step['kind']) => steps.filter((p) => p.kind === k).length;
    const outcome: AttendanceOutcome = {
      dryRun: s === null,
      total: rows.length,
      sessionsCreated: fresh.size,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      kept,
      problems: problems.sort((a, b) => a.row - b.row),
    };
    if (!s) return outcome;
    if (problems.length)
      throw new HttpError(
        422,
        'import_invalid',
        `${problems.length} problem(s) in the file; nothing was imported`,
        problems.map((p) => ({ path: `row ${p.row}/${p.field}`, message: p.message })),
      );
    await write(s, auth, now, steps, fresh);
    const { sessionsCreated, created, updated, unchanged } = outcome;
    await s.audit('import', uuidv7(now), 'import_attendance', null, {
      rows: rows.length,
      sessionsCreated,
      created,
      updated,
      unchanged,
      kept: kept.length,
    });
    return outcome;
  };
  return dryRun ? run(null) : rosterWrite(ctx, auth, run);
}

/** Checks and resolves every row against the database; writes nothing. */
async function plan(
  db: Kysely<Database>,
  org: string,
  rows: RawAttendanceRow[],
  timeZone: string,
  now: number,
) {
  const groups = new Map(
    (
      await db
        .selectFrom('groups')
        .select(['id', 'name'])
        .where('organization_id', '=', org)
        .execute()
    ).map((g) => [g.name, g.id]),
  );
  const states = new Set(
    (
      await db
        .selectFrom('presence_states')
        .select('code')
        .where('organization_id', '=', org)
        .where('active', '=', 1)
        .execute()
    ).map((r) => r.code),
  );
  const { clean, problems } = checkAttendanceRows(rows, {
    timeZone,
    states,
    groupNames: new Set(groups.keys()),
    now,
  });
  const [sessions, people] = [await loadSessions(db, org, clean), await loadPeople(db, org)];
  const fresh = new Map<string, NewSession>();
  const steps: Step[] = [];
  const seen = new Map<string, number>();
  for (const r of clean) {
    const field = r.externalKey ? 'external_key' : 'personal_code';
    const participantId =
      (r.externalKey ? people.byKey.get(r.externalKey) : undefined) ??
      (r.personalCode ? people.byCode.get(r.personalCode) : undefined);
    if (!participantId) {
      problems.push({
        row: r.row,
        field,
        message: `no participant has ${field.replace('_', ' ')} ${r.externalKey ?? r.personalCode} (import participants first)`,
      });
      continue;
    }
    const target = resolveSession(r, sessions, fresh, groups);
    if ('problem' in target) {
      problems.push(target.problem);
      continue;
    }
    // The same person twice for one session, however the file names them, is one record.
    const key = `${target.sessionId ?? target.newKey}|${participantId}`;
    if (seen.has(key)) {
      problems.push({
        row: r.row,
        field,
        message: `this person is already on row ${seen.get(key)} for the same session`,
      });
      continue;
    }
    seen.set(key, r.row);
    steps.push({ r, participantId, ...target, kind: 'create' });
  }
  return { steps, fresh, problems, kept: await compareWithRecords(db, steps) };
}

/** Sets each step's kind from the record already there; lists the door records that are kept. */
async function compareWithRecords(db: Kysely<Database>, steps: Step[]) {
  const records = await loadRecords(
    db,
    steps.flatMap((p) => (p.sessionId ? [p.sessionId] : [])),
  );
  const kept: AttendanceOutcome['kept'] = [];
  for (const p of steps) {
    const rec = p.sessionId ? records.get(`${p.sessionId}|${p.participantId}`) : undefined;
    if (!rec) continue;
    p.kind = rec.state === p.r.state ? 'unchanged' : rec.method === 'import' ? 'update' : 'kept';
    const by =
      rec.method === 'resolution' || rec.method === 'excuse' ? 'by an admin' : 'at the door';
    if (p.kind === 'kept')
      kept.push({
        row: p.r.row,
        message: `kept "${rec.state ?? 'cleared'}" recorded ${by} on ${rec.recorded_at.slice(0, 16).replace('T', ' ')} UTC`,
      });
  }
  return kept;
}

function resolveSession(
  r: CleanAttendanceRow,
  known: Sessions,
  fresh: Map<string, NewSession>,
  groups: Map<string, string>,
): Target | { problem: AttendanceProblem } {
  const ref = r.session;
  const at = (k: Known): Target => ({ sessionId: k.id, newKey: null, start: k.start });
  if (ref.kind === 'id') {
    const k = known.byId.get(ref.id);
    return k
      ? at(k)
      : { problem: { row: r.row, field: 'session_id', message: `no session has id ${ref.id}` } };
  }
  const sameDay = (known.byName.get(ref.name.toLowerCase()) ?? []).filter(
    (k) => k.start >= ref.dayStart && k.start < ref.dayEnd,
  );
  if (ref.start !== null && sameDay.length) return at(nearest(sameDay, ref.start));
  if (sameDay.length === 1) return at(sameDay[0]!);
  if (sameDay.length > 1)
    return {
      problem: {
        row: r.row,
        field: 'session_time',
        message: `${sameDay.length} sessions are called "${ref.name}" that day: give session_time to pick one`,
      },
    };
  if (ref.start === null)
    return {
      problem: {
        row: r.row,
        field: 'session_time',
        message: `no session is called "${ref.name}" that day: give session_time to create it`,
      },
    };
  // One new session per name and start, however many rows name it.
  const key = `${ref.name.toLowerCase()}@${ref.start}`;
  const entry = fresh.get(key) ?? {
    key,
    name: ref.name,
    start: ref.start,
    groupIds: new Set<string>(),
  };
  for (const g of ref.groupNames) entry.groupIds.add(groups.get(g)!);
  fresh.set(key, entry);
  return { sessionId: null, newKey: key, start: ref.start };
}

const nearest = (list: Known[], at: number) =>
  list.reduce((a, b) => (Math.abs(b.start - at) < Math.abs(a.start - at) ? b : a));

async function loadSessions(
  db: Kysely<Database>,
  org: string,
  rows: CleanAttendanceRow[],
): Promise<Sessions> {
  const named = rows
    .map((r) => r.session)
    .filter((s): s is Extract<SessionRef, { kind: 'named' }> => s.kind === 'named');
  const ids = [...new Set(rows.flatMap((r) => (r.session.kind === 'id' ? [r.session.id] : [])))];
  const names = [...new Set(named.map((s) => s.name.toLowerCase()))];
  const out: Sessions = { byId: new Map(), byName: new Map() };
  if (!ids.length && !names.length) return out;
  const found = await db
    .selectFrom('sessions')
    .select(['id', 'name', 'scheduled_start'])
    .where('organization_id', '=', org)
    .where('status', '!=', 'canceled')
    .where((eb) => {
      const any = ids.length ? [eb('id', 'in', ids)] : [];
      if (!names.length) return eb.or(any);
      // Widened by a day on both sides: stored starts are UTC text, the file's days are local.
      const from = iso(Math.min(...named.map((s) => s.dayStart)) - DAY_MS);
      const to = iso(Math.max(...named.map((s) => s.dayEnd)) + DAY_MS);
      return eb.or([
        ...any,
        eb.and([
          eb(eb.fn('lower', ['name']), 'in', names),
          eb('scheduled_start', '>=', from),
          eb('scheduled_start', '<', to),
        ]),
      ]);
    })
    .execute();
  for (const s of found) {
    const k = { id: s.id, name: s.name, start: Date.parse(s.scheduled_start) };
    out.byId.set(s.id, k);
    const key = s.name.toLowerCase();
    out.byName.set(key, [...(out.byName.get(key) ?? []), k]);
  }
  return out;
}

async function loadPeople(db: Kysely<Database>, org: string) {
  const rows = await db
    .selectFrom('participants')
    .select(['id', 'external_key', 'personal_code'])
    .where('organization_id', '=', org)
    .execute();
  return {
    byKey: new Map(rows.filter((p) => p.external_key).map((p) => [p.external_key!, p.id])),
    byCode: new Map(rows.map((p) => [p.personal_code, p.id])),
  };
}

async function loadRecords(db: Kysely<Database>, sessionIds: string[]) {
  const out = new Map<string, { state: string | null; method: string; recorded_at: string }>();
  const unique = [...new Set(sessionIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('presence_records')
      .select(['session_id', 'participant_id', 'state', 'method', 'recorded_at'])
      .where('session_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(`${r.session_id}|${r.participant_id}`, r);
  }
  return out;
}

async function write(
  s: WriteScope,
  auth: AuthContext,
  now: number,
  steps: Step[],
  fresh: Map<string, NewSession>,
) {
  const created = new Map<string, string>();
  for (const n of fresh.values()) {
    const id = uuidv7(now);
    created.set(n.key, id);
    const row = {
      id,
      organization_id: auth.organizationId,
      name: n.name,
      location: null,
      scheduled_start: iso(n.start),
      scheduled_end: iso(n.start + NEW_SESSION_MS),
      actual_start: null,
      actual_end: null,
      status: 'completed',
      late_after_minutes: null,
      updated_at: s.nowIso,
      seq: s.seq.next(),
    };
    await s.trx.insertInto('sessions').values(row).execute();
    if (n.groupIds.size)
      await s.trx
        .insertInto('session_groups')
        .values(
          [...n.groupIds].map((g) => ({
            organization_id: auth.organizationId,
            session_id: id,
            group_id: g,
          })),
        )
        .execute();
    await s.audit('session', id, 'create', null, {
      name: n.name,
      scheduledStart: row.scheduled_start,
      source: 'attendance import',
    });
  }
  const toWrite = (p: Step): ServerPresence => ({
    sessionId: p.sessionId ?? created.get(p.newKey!)!,
    participantId: p.participantId,
    state: p.r.state,
    method: 'import',
    conflictId: null,
    payload: { import: 'attendance', row: p.r.row },
    recordedAt: p.r.checkedInAt ?? p.start,
  });
  await insertServerPresences(
    s.trx,
    s.seq,
    auth,
    now,
    steps.filter((p) => p.kind === 'create').map(toWrite),
  );
  for (const p of steps.filter((x) => x.kind === 'update'))
    await writeServerPresence(s.trx, s.seq, auth, now, toWrite(p));
}
