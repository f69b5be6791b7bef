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

type Tagged = { table: Synced; row: Selectable<Database[Synced]> };

// With a byte budget a page holds a few hundred records; reading the whole row limit (5,000 per
// table) for each page and dropping most of it was most of the pull's time on the server.
const CHUNK_ROWS = 500;

/**
 * Rows with from < seq <= upTo across every synced table, lowest seq first: up to `limit` of them,
 * and no more than about `maxBytes` of their JSON (a page always carries at least one row). Under
 * a byte budget the rows are read CHUNK_ROWS at a time, until the budget or the limit is reached.
 */
export async function changedRows(
  db: Kysely<Database>,
  org: string,
  from: number,
  upTo: number,
  limit: number,
  maxBytes = Infinity,
) {
  const step = maxBytes === Infinity ? limit : Math.min(limit, CHUNK_ROWS);
  const taken: Tagged[] = [];
  let [after, bytes, hasMore] = [from, 0, false];
  for (;;) {
    const want = Math.min(step, limit - taken.length);
    const merged = await lowestAfter(db, org, after, upTo, want);
    const fit = withinBytes(merged.slice(0, want), maxBytes - bytes, taken.length === 0);
    taken.push(...fit.rows);
    bytes += fit.bytes;
    hasMore = merged.length > fit.rows.length;
    // Stop when the budget cut this chunk short, nothing is left, or the page holds `limit` rows.
    if (fit.rows.length < want || !hasMore || taken.length >= limit) break;
    after = Number(taken.at(-1)?.row.seq ?? after);
  }
  const out = Object.fromEntries(SYNCED.map((t) => [t, [] as unknown[]])) as unknown as Rows;
  for (const { table, row } of taken) (out[table] as unknown[]).push(row);
  return {
    hasMore,
    lastSeq: Number(taken.at(-1)?.row.seq ?? from),
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

/**
 * Up to n + 1 rows of each table after `after`, merged by seq: the first n of them are the n
 * lowest seqs of all tables (seqs are unique across an organization's tables), and a row past the
 * n-th says more rows follow.
 */
async function lowestAfter(
  db: Kysely<Database>,
  org: string,
  after: number,
  upTo: number,
  n: number,
): Promise<Tagged[]> {
  const perTable = await Promise.all(
    SYNCED.map(async (table) => {
      const orgColumn = table === 'organizations' ? 'id' : 'organization_id';
      const rows = await db
        .selectFrom(table as 'users')
        .selectAll()
        .where(orgColumn as 'organization_id', '=', org)
        .where('seq', '>', after)
        .where('seq', '<=', upTo)
        .orderBy('seq')
        .limit(n + 1)
        .execute();
      return rows.map((row): Tagged => ({ table, row }));
    }),
  );
  return perTable.flat().sort((a, b) => Number(a.row.seq) - Number(b.row.seq));
}

// Columns the server keeps for itself: they are never sent, so they do not count against a page.
const sentSize = (row: object) => {
  const { key_state: _k, departure: _d, ...sent } = row as Record<string, unknown>;
  return JSON.stringify(sent).length;
};

/** The longest prefix of `rows` whose JSON fits in `room` (one row at least when `first`). */
function withinBytes(rows: Tagged[], room: number, first: boolean) {
  if (room === Infinity) return { rows, bytes: 0 };
  let bytes = 0;
  for (const [i, r] of rows.entries()) {
    const size = sentSize(r.row);
    if (bytes + size > room && (i > 0 || !first)) return { rows: rows.slice(0, i), bytes };
    bytes += size;
  }
  return { rows, bytes };
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
