import { withDescendants } from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const findSession = (db: Kysely<Database>, org: string, id: string) =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

/** Active members of the session's groups and of the groups below them: who is expected. */
export async function expectedCount(db: Kysely<Database>, org: string, sessionId: string) {
  const roots = await db
    .selectFrom('session_groups')
    .select('group_id')
    .where('session_id', '=', sessionId)
    .where('organization_id', '=', org)
    .execute();
  if (roots.length === 0) return 0;
  const groups = await db
    .selectFrom('groups')
    .select(['id', 'parent_id as parentId'])
    .where('organization_id', '=', org)
    .execute();
  const ids = [
    ...withDescendants(
      roots.map((r) => r.group_id),
      groups,
    ),
  ];
  const row = await db
    .selectFrom('group_memberships as m')
    .innerJoin('participants as p', 'p.id', 'm.participant_id')
    .select((eb) => eb.fn.count<number>('m.participant_id').distinct().as('n'))
    .where('m.organization_id', '=', org)
    .where('m.group_id', 'in', ids)
    .where('p.active', '=', 1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const sessionRecords = (db: Kysely<Database>, org: string, sessionId: string) =>
  db
    .selectFrom('presence_records as r')
    .innerJoin('participants as p', 'p.id', 'r.participant_id')
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .leftJoin('devices as d', 'd.id', 'r.device_id')
    .select([
      'r.participant_id',
      'r.state',
      'r.method',
      'r.recorded_at',
      'r.left_at',
      'r.updated_at',
      'r.device_id',
      'r.has_conflict',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
      'u.display_name as user_name',
      'd.name as device_name',
    ])
    .where('r.session_id', '=', sessionId)
    .where('r.organization_id', '=', org)
    .execute();

export const devicesOf = (db: Kysely<Database>, org: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('devices as d')
        .innerJoin('users as u', 'u.id', 'd.user_id')
        .select([
          'd.id',
          'd.name',
          'd.pending_count',
          'd.last_sync_at',
          'd.last_seen_at',
          'u.display_name',
        ])
        .where('d.organization_id', '=', org)
        .where('d.id', 'in', ids)
        .execute();

export const presenceStates = (db: Kysely<Database>, org: string) =>
  db
    .selectFrom('presence_states')
    .select(['code', 'label', 'color', 'sort_order', 'counts_as_present'])
    .where('organization_id', '=', org)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
