import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chunk } from '../../lib/json.ts';

type Synced =
  | 'organizations'
  | 'users'
  | 'presence_states'
  | 'groups'
  | 'participants'
  | 'sessions'
  | 'presence_records'
  | 'tombstones';
const SYNCED: Synced[] = [
  'organizations',
  'users',
  'presence_states',
  'groups',
  'participants',
  'sessions',
  'presence_records',
  'tombstones',
];

type Rows = { [K in Synced]: Selectable<Database[K]>[] };

/**
 * Rows with from < seq <= upTo across every synced table, lowest seq first: up to `limit` of them,
 * and no more than about `maxBytes` of their JSON (a page always carries at least one row).
 */
export async function changedRows(
  db: Kysely<Database>,
  org: string,
  from: number,
  upTo: number,
  limit: number,
  maxBytes = Infinity,
) {
  const perTable = await Promise.all(
    SYNCED.map(async (table) => {
      const orgColumn = table === 'organizations' ? 'id' : 'organization_id';
      const rows = await db
        .selectFrom(table as 'users')
        .selectAll()
        .where(orgColumn as 'organization_id', '=', org)
        .where('seq', '>', from)
        .where('seq', '<=', upTo)
        .orderBy('seq')
        .limit(limit + 1)
        .execute();
      return rows.map((row) => ({ table, row: row }));
    }),
  );
  const merged = perTable.flat().sort((a, b) => Number(a.row.seq) - Number(b.row.seq));
  const taken = withinBytes(merged.slice(0, limit), maxBytes);
  const out = Object.fromEntries(SYNCED.map((t) => [t, [] as unknown[]])) as unknown as Rows;
  for (const { table, row } of taken) (out[table] as unknown[]).push(row);
  return {
    hasMore: merged.length > taken.length,
    lastSeq: taken.length ? Number(taken[taken.length - 1]!.row.seq) : from,
    organization: out.organizations[0] ?? null,
    users: out.users,
    presenceStates: out.presence_states,
    groups: out.groups,
    participants: out.participants,
    sessions: out.sessions,
    presenceRecords: out.presence_records,
    tombstones: out.tombstones,
  };
}

/** The longest prefix of `rows` whose JSON fits in `maxBytes` (never empty if rows are not). */
function withinBytes<T extends { row: object }>(rows: T[], maxBytes: number): T[] {
  if (maxBytes === Infinity) return rows;
  let bytes = 0;
  for (const [i, r] of rows.entries()) {
    bytes += JSON.stringify(r.row).length;
    if (bytes > maxBytes && i > 0) return rows.slice(0, i);
  }
  return rows;
}

async function groupMap(
  db: Kysely<Database>,
  table: 'group_memberships' | 'session_groups',
  column: 'participant_id' | 'session_id',
  ids: string[],
) {
  const map = new Map<string, string[]>();
  for (const part of chunk(ids, 2000)) {
    if (part.length === 0) continue;
    // Alias the key column: the casts only satisfy the types, the row carries `owner` either way.
    const rows = await db
      .selectFrom(table as 'group_memberships')
      .select(['group_id', `${column as 'participant_id'} as owner`])
      .where(column as 'participant_id', 'in', part)
      .execute();
    for (const r of rows) map.set(r.owner, [...(map.get(r.owner) ?? []), r.group_id]);
  }
  return map;
}

export const membershipsOf = (db: Kysely<Database>, ids: string[]) =>
  groupMap(db, 'group_memberships', 'participant_id', ids);
export const sessionGroupsOf = (db: Kysely<Database>, ids: string[]) =>
  groupMap(db, 'session_groups', 'session_id', ids);
