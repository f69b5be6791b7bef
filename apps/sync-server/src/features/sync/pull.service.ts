// GET /sync/pull: rows in server commit order. The upper bound is read first from the counter, so
// every row at or below it is committed (the counter and the rows commit together) and a page
// never skips a row that a concurrent writer is still committing.
import { PROTOCOL_VERSION, type PullResponse, type Tombstone } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { PULL_DEFAULT_LIMIT } from '@rollcall/shared';
import type { AuthContext } from '../auth/auth.service.ts';
import { toOrganizationDto } from '../organizations/organizations.service.ts';
import { currentSeq } from './seq.repository.ts';
import {
  toGroup,
  toParticipant,
  toPresenceRecord,
  toPresenceState,
  toSession,
  toUserSummary,
} from './mappers.ts';
import * as pullRepo from './pull.repository.ts';

const epochs = new WeakMap<object, string>();

export async function serverEpoch(db: Kysely<Database>): Promise<string> {
  const cached = epochs.get(db);
  if (cached) return cached;
  const row = await db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', 'epoch')
    .executeTakeFirstOrThrow();
  epochs.set(db, row.value);
  return row.value;
}

/** A pull cursor: every row of the organization up to `seq`, in this server epoch, was seen. */
export const formatCursor = (epoch: string, seq: number) => `${epoch}.${seq}`;

export function parseCursor(
  cursor: string | undefined,
  epoch: string,
): { from: number; reset: boolean } {
  if (!cursor) return { from: 0, reset: false };
  const [e, n, ...rest] = cursor.split('.');
  const from = Number(n);
  if (e !== epoch || rest.length || !Number.isInteger(from) || from < 0)
    return { from: 0, reset: true };
  return { from, reset: false };
}

export async function pull(
  db: Kysely<Database>,
  auth: AuthContext,
  q: { cursor?: string; limit?: number },
  maxBytes = Infinity,
): Promise<PullResponse> {
  const epoch = await serverEpoch(db);
  const parsed = parseCursor(q.cursor, epoch);
  const limit = q.limit ?? PULL_DEFAULT_LIMIT;
  const org = auth.organizationId;
  const upTo = await currentSeq(db, org);
  // A cursor ahead of the counter was handed out by a later state of this database: it was restored
  // from a backup (which keeps its epoch). Rows the device pulled may no longer exist here, and rows
  // written after the restore reuse the seqs it already passed, so it starts again from scratch.
  const ahead = parsed.from > upTo;
  const { from, reset } = ahead ? { from: 0, reset: true } : parsed;
  const page = await pullRepo.changedRows(db, org, from, upTo, limit, maxBytes);
  const [participantGroups, sessionGroups] = await Promise.all([
    pullRepo.membershipsOf(
      db,
      page.participants.map((p) => p.id),
    ),
    pullRepo.sessionGroupsOf(
      db,
      page.sessions.map((s) => s.id),
    ),
  ]);
  return {
    protocolVersion: PROTOCOL_VERSION,
    reset,
    cursor: formatCursor(epoch, page.hasMore ? page.lastSeq : upTo),
    hasMore: page.hasMore,
    organization: page.organization ? toOrganizationDto(page.organization) : null,
    users: page.users.map(toUserSummary),
    presenceStates: page.presenceStates.map(toPresenceState),
    groups: page.groups.map(toGroup),
    participants: page.participants.map((p) => toParticipant(p, participantGroups.get(p.id) ?? [])),
    sessions: page.sessions.map((s) => toSession(s, sessionGroups.get(s.id) ?? [])),
    presenceRecords: page.presenceRecords.map(toPresenceRecord),
    tombstones: page.tombstones.map((t) => ({
      entity: t.entity as Tombstone['entity'],
      id: t.entity_id,
      ...(t.session_id && t.participant_id
        ? { sessionId: t.session_id, participantId: t.participant_id }
        : {}),
    })),
  };
}
