// The demo works on any day: `npm start` on a later day (or a server left running past midnight)
// finds today's sessions and an active temporary usher, and the reports have a few weeks of
// history to show. Only the demo organization (slug "grace", seeded by `seedDemoIfEmpty`) is touched.
import {
  addDays,
  localDateOf,
  localDayAround,
  uuidv7,
  weekdayOf,
  zonedInstant,
} from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso, type Clock } from '../../lib/clock.ts';
import { lockSeq, type SeqAllocator } from '../sync/seq.repository.ts';
import { insertServerPresences, type ServerPresence } from '../sync/server-presence.ts';
import { DEMO_TIME_ZONE, seedDemo, seedSessions } from './demo-seed.ts';

const DEMO_SLUG = 'grace';
const HISTORY_WEEKS = 6;
const HOUR = 3600_000;

/** Midnight to midnight of the demo's day (in its zone, not the server's) that holds `ms`. */
const localDay = (ms: number) => localDayAround(ms, DEMO_TIME_ZONE);

async function demoOrganization(db: Kysely<Database>) {
  return db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', DEMO_SLUG)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The demo organization with its history, into a database that has no organization yet. */
export async function seedDemoIfEmpty(
  db: Kysely<Database>,
  clock: Clock,
  opts: { participants?: number; history?: boolean } = {},
) {
  const any = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const seeded = await seedDemo(db, clock, { participants: opts.participants ?? 200 });
  const usher = seeded.users.usher1;
  if (usher && opts.history !== false) await seedDemoHistory(db, clock, seeded, usher);
  return seeded;
}

/**
 * Today's sessions and a temporary usher shift, if today has none yet; the demo's sessions of
 * earlier days that were left running end (an usher a day later finds today's Sunday Service
 * under "Now", not yesterday's beside it). Returns what it changed.
 */
export async function keepDemoCurrent(db: Kysely<Database>, clock: Clock) {
  const org = await demoOrganization(db);
  if (!org) return { sessions: 0, assignment: false };
  const now = clock.now();
  const { start, end } = localDay(now);
  return db.transaction().execute(async (trx) => {
    const seq = await lockSeq(trx, org.id);
    const today = await trx
      .selectFrom('sessions')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('scheduled_start', '>=', iso(start))
      .where('scheduled_start', '<', iso(end))
      .execute();
    const groups = (
      await trx
        .selectFrom('groups')
        .select(['id', 'name'])
        .where('organization_id', '=', org.id)
        .orderBy('seq')
        .execute()
    ).map((g) => g.id);
    const added = today.length === 0 && groups.length >= 5;
    if (added) await seedSessions(trx, org.id, seq, now, groups);
    const ended = await endEarlierDays(trx, org.id, seq, now, start);
    const assignment = await renewTempShift(trx, org.id, now, start);
    await seq.flush();
    return { sessions: added ? 3 : 0, ended, assignment };
  });
}

/** Ends, at their scheduled end, the sessions still active that were over before today began. */
async function endEarlierDays(
  trx: Transaction<Database>,
  org: string,
  seq: SeqAllocator,
  now: number,
  dayStart: number,
) {
  const running = await trx
    .selectFrom('sessions')
    .select(['id', 'scheduled_end'])
    .where('organization_id', '=', org)
    .where('status', '=', 'active')
    .where('scheduled_end', '<=', iso(dayStart))
    .execute();
  for (const s of running)
    await trx
      .updateTable('sessions')
      .set({
        status: 'completed',
        actual_end: s.scheduled_end,
        updated_at: iso(now),
        seq: seq.next(),
      })
      .where('id', '=', s.id)
      .execute();
  return running.length;
}

async function renewTempShift(
  trx: Transaction<Database>,
  org: string,
  now: number,
  dayStart: number,
) {
  const temp = await trx
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', org)
    .where('role', '=', 'temp_usher')
    .executeTakeFirst();
  if (!temp) return false;
  const latest = await trx
    .selectFrom('usher_assignments')
    .select(['expires_at', 'created_at'])
    .where('user_id', '=', temp.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  // One shift a day: today's, revoked or not, stays as the admin left it.
  if (latest && Date.parse(latest.created_at) >= dayStart) return false;
  await trx
    .insertInto('usher_assignments')
    .values({
      id: uuidv7(now),
      organization_id: org,
      user_id: temp.id,
      expires_at: iso(now + 8 * HOUR),
      status: 'active',
      location: 'Main entrance',
      created_by: null,
      created_at: iso(now),
      revoked_at: null,
      checkins_count: 0,
      qr_count: 0,
      code_count: 0,
    })
    .execute();
  return true;
}

/**
 * Six past Sunday Services with attendance, so reports, trends, the chart and the drifting list
 * show something real on the first visit. Deterministic: the same people come each time it is
 * seeded; every tenth person came at first and then stopped (the drifting report finds them).
 */
export async function seedDemoHistory(
  db: Kysely<Database>,
  clock: Clock,
  demo: { organizationId: string; groups: string[]; participants: { id: string }[] },
  usherId: string,
) {
  const now = clock.now();
  const today = localDateOf(now, DEMO_TIME_ZONE);
  // Sunday Services fall on Sundays: the last one before today, and the weeks before it.
  const lastSunday = addDays(today, -(weekdayOf(today) || 7));
  await db.transaction().execute(async (trx) => {
    const seq = await lockSeq(trx, demo.organizationId);
    const auth = {
      userId: usherId,
      organizationId: demo.organizationId,
      deviceId: uuidv7(now),
      role: 'usher' as const,
      displayName: 'Ana Usher',
    };
    for (let week = HISTORY_WEEKS; week >= 1; week--) {
      const day = addDays(lastSunday, -(week - 1) * 7);
      const starts = zonedInstant(day, [9, 0], DEMO_TIME_ZONE);
      const sessionId = await pastService(trx, demo, seq.next(), starts, now);
      const came = demo.participants.filter((_, i) => attended(i, week));
      const records: ServerPresence[] = came.map((p, i) => ({
        sessionId,
        participantId: p.id,
        state: (i * 13 + week) % 10 === 0 ? 'late' : 'present',
        method: i % 4 === 0 ? 'code' : 'qr',
        conflictId: null,
        payload: { demo: true },
        recordedAt: starts - 20 * 60_000 + ((i * 37 + week * 11) % 45) * 60_000,
      }));
      await insertServerPresences(trx, seq, auth, now, records);
    }
    await seq.flush();
  });
}

// About two in three come each week; every tenth person stopped coming three weeks ago.
const attended = (i: number, weeksAgo: number) =>
  i % 10 === 0 ? weeksAgo > 3 : (i * 7 + weeksAgo * 3) % 10 < 7;

async function pastService(
  trx: Transaction<Database>,
  demo: { organizationId: string; groups: string[] },
  seqNo: number,
  starts: number,
  now: number,
) {
  const id = uuidv7(starts);
  await trx
    .insertInto('sessions')
    .values({
      id,
      organization_id: demo.organizationId,
      name: 'Sunday Service',
      location: 'Main hall',
      scheduled_start: iso(starts),
      scheduled_end: iso(starts + 2 * HOUR),
      actual_start: iso(starts),
      actual_end: iso(starts + 2 * HOUR),
      status: 'completed',
      late_after_minutes: 15,
      updated_at: iso(now),
      seq: seqNo,
    })
    .execute();
  const groups = [demo.groups[0], demo.groups[3], demo.groups[4]].filter(
    (g): g is string => g !== undefined,
  );
  await trx
    .insertInto('session_groups')
    .values(
      groups.map((g) => ({ organization_id: demo.organizationId, session_id: id, group_id: g })),
    )
    .execute();
  return id;
}

/** Keeps the demo current while the server runs (checked hourly, so midnight is crossed). */
export function startDemoDays(db: Kysely<Database>, clock: Clock, onError: (e: unknown) => void) {
  const timer = setInterval(() => void keepDemoCurrent(db, clock).catch(onError), HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
