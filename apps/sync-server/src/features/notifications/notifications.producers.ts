// Producers: an event (a push with conflicts or rejections, a session that ended) becomes one
// notification per active admin and manager who has not turned its kind off. They run inside the
// event's own transaction, so a notification exists exactly when its event committed, and cost
// one recipients query plus one multi-row insert per event batch — nothing when nothing happened.
import { uuidv7, type NotificationKind, type NotificationLinkType } from '@rollcall/shared';
import type { Insertable, Transaction } from 'kysely';
import type { Database, NotificationTable } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { parseJson } from '../../lib/json.ts';
import { driftingPages } from '../reports/drifting.service.ts';
import * as repo from './notifications.repository.ts';

type Trx = Transaction<Database>;

export interface NotificationEvent {
  kind: NotificationKind;
  /** Names the event; a user is notified of one key once, however often the event is written. */
  dedupeKey: string;
  title: string;
  body: string;
  link: { type: NotificationLinkType; id: string };
  data: Record<string, unknown>;
}

export async function notifyStaff(
  trx: Trx,
  organizationId: string,
  events: NotificationEvent[],
  nowMs: number,
): Promise<number> {
  if (events.length === 0) return 0;
  const staff = await repo.staffWithDisabledKinds(trx, organizationId);
  const createdAt = iso(nowMs);
  const rows: Insertable<NotificationTable>[] = [];
  for (const e of events) {
    for (const [userId, off] of staff) {
      if (off.has(e.kind)) continue;
      rows.push({
        id: uuidv7(nowMs),
        organization_id: organizationId,
        user_id: userId,
        kind: e.kind,
        title: e.title,
        body: e.body,
        payload: JSON.stringify(e.data),
        link_type: e.link.type,
        link_id: e.link.id,
        dedupe_key: e.dedupeKey,
        created_at: createdAt,
        read_at: null,
      });
    }
  }
  return repo.insertNotifications(trx, rows);
}

export interface OpenConflict {
  id: string;
  sessionId: string;
  participantId: string;
  sessionName: string;
}
export interface PushOutcome {
  organizationId: string;
  deviceId: string;
  userName: string;
  historyId: string;
  received: number;
  rejected: number;
  /** Conflicts the push left open, new or updated; each notifies once (dedupe on its id). */
  conflicts: OpenConflict[];
  nowMs: number;
}

/**
 * A device's rejections notify at most once per this window: a device (or a script with an
 * usher's token) pushing rejected changes over and over updates one notification with the
 * running counts instead of writing a new one per push for every admin.
 */
export const REJECTIONS_WINDOW_MS = 10 * 60_000;

interface RejectionCounts {
  rejected: number;
  received: number;
  pushes: number;
}

/** Called by the push path in its transaction; a push without conflicts or rejections costs nothing. */
export async function notifyPush(trx: Trx, p: PushOutcome): Promise<number> {
  if (p.conflicts.length === 0 && p.rejected === 0) return 0;
  const events = await conflictEvents(trx, p.organizationId, p.conflicts);
  let rewritten = 0;
  if (p.rejected > 0) {
    const since = iso(p.nowMs - REJECTIONS_WINDOW_MS);
    const earlier = await repo.recentRejections(trx, p.organizationId, p.deviceId, since);
    if (earlier) rewritten = await coalesceRejections(trx, p, earlier);
    else events.push(await rejectionEvent(trx, p, { ...countsOf(p), pushes: 1 }));
  }
  return rewritten + (await notifyStaff(trx, p.organizationId, events, p.nowMs));
}

const countsOf = (p: PushOutcome) => ({ rejected: p.rejected, received: p.received });

async function coalesceRejections(
  trx: Trx,
  p: PushOutcome,
  earlier: { dedupe_key: string; payload: string },
): Promise<number> {
  const was = parseJson<Partial<RejectionCounts>>(earlier.payload, {});
  const e = await rejectionEvent(trx, p, {
    rejected: (was.rejected ?? 0) + p.rejected,
    received: (was.received ?? 0) + p.received,
    pushes: (was.pushes ?? 1) + 1,
  });
  return repo.rewriteEvent(trx, p.organizationId, earlier.dedupe_key, {
    title: e.title,
    body: e.body,
    payload: JSON.stringify(e.data),
    link_id: e.link.id,
  });
}

async function conflictEvents(
  trx: Trx,
  organizationId: string,
  conflicts: OpenConflict[],
): Promise<NotificationEvent[]> {
  if (conflicts.length === 0) return [];
  const names = await repo.participantNames(trx, organizationId, [
    ...new Set(conflicts.map((c) => c.participantId)),
  ]);
  return conflicts.map((c) => {
    const participantName = names.get(c.participantId) ?? 'A participant';
    return {
      kind: 'conflict',
      dedupeKey: `conflict:${c.id}`,
      link: { type: 'conflict', id: c.id },
      title: `Conflict: ${participantName}`,
      body: `Devices recorded different things for ${participantName} in ${c.sessionName}. Choose which one stands.`,
      data: {
        conflictId: c.id,
        sessionId: c.sessionId,
        sessionName: c.sessionName,
        participantId: c.participantId,
        participantName,
      },
    };
  });
}

// Keyed by device and its first push of the window (`rejections:<device>:<history>`); it links to
// the newest push with rejections, where the admin re-applies them.
async function rejectionEvent(
  trx: Trx,
  p: PushOutcome,
  n: RejectionCounts,
): Promise<NotificationEvent> {
  const device = (await repo.deviceName(trx, p.deviceId))?.name ?? null;
  const from = device ? `${p.userName}'s device “${device}”` : `${p.userName}'s device`;
  const changes = (k: number) => (k === 1 ? 'change' : 'changes');
  const syncs = n.pushes === 1 ? 'A sync' : `${n.pushes} syncs`;
  return {
    kind: 'rejections',
    dedupeKey: `rejections:${p.deviceId}:${p.historyId}`,
    link: { type: 'sync_history', id: p.historyId },
    title: `${n.rejected} ${changes(n.rejected)} rejected`,
    body: `${syncs} from ${from} had ${n.rejected} of ${n.received} ${changes(n.received)} rejected. Fix the cause and re-apply them from the sync history.`,
    data: {
      historyId: p.historyId,
      deviceId: p.deviceId,
      deviceName: device,
      userName: p.userName,
      rejected: n.rejected,
      received: n.received,
      pushes: n.pushes,
    },
  };
}

// The drifting rule notified on: the drifting report's default, missed 2 of the last 3 sessions.
export const DRIFT = { missed: 2, of: 3 } as const;
const NAMES_IN_BODY = 5;
const PEOPLE_IN_DATA = 50;

export interface EndedSession {
  organizationId: string;
  sessionId: string;
  sessionName: string;
  nowMs: number;
}

/**
 * When a session ends: who among its groups' members is drifting, by the drifting report itself.
 * One notification per session end listing up to five names and "and K more", not one per
 * participant: an admin closing a service with forty drifting members wants one item to act on,
 * not forty bell entries burying the conflicts that need a decision; the panel links to the
 * participants and the drifting report has the full list. The dedupe key is the session, so each
 * participant is listed at most once per session and ending the session again repeats nothing.
 */
export async function notifyDrifting(trx: Trx, s: EndedSession): Promise<number> {
  const drifting = new Map<
    string,
    { participantId: string; participantName: string; missed: number; of: number }
  >();
  for (const groupId of await repo.groupsOfSession(trx, s.organizationId, s.sessionId)) {
    for await (const page of driftingPages(trx, s.organizationId, { groupId, ...DRIFT }, s.nowMs)) {
      for (const d of page) if (!drifting.has(d.participantId)) drifting.set(d.participantId, d);
    }
  }
  if (drifting.size === 0) return 0;
  const people = [...drifting.values()].sort(
    (a, b) => b.missed - a.missed || a.participantName.localeCompare(b.participantName),
  );
  return notifyStaff(trx, s.organizationId, [driftingEvent(s, people)], s.nowMs);
}

function driftingEvent(
  s: EndedSession,
  people: { participantId: string; participantName: string; missed: number; of: number }[],
): NotificationEvent {
  const shown = people.slice(0, NAMES_IN_BODY).map((p) => p.participantName);
  const more = people.length - shown.length;
  const who =
    more > 0
      ? `${shown.join(', ')} and ${more} more`
      : shown.join(', ').replace(/, ([^,]*)$/, ' and $1');
  const verb = people.length === 1 ? 'has' : 'have';
  return {
    kind: 'drifting',
    dedupeKey: `drifting:${s.sessionId}`,
    link: { type: 'session', id: s.sessionId },
    title: `${people.length} drifting after ${s.sessionName}`,
    body: `${who} ${verb} missed at least ${DRIFT.missed} of their last ${DRIFT.of} sessions.`,
    data: {
      sessionId: s.sessionId,
      sessionName: s.sessionName,
      total: people.length,
      missed: DRIFT.missed,
      of: DRIFT.of,
      participants: people
        .slice(0, PEOPLE_IN_DATA)
        .map((p) => ({ id: p.participantId, name: p.participantName, missed: p.missed, of: p.of })),
    },
  };
}
