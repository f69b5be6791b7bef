// Check-ins per usher per method: every presence change a device synced and the server accepted
// (applied, merged or flagged as a conflict), for one session or the sessions in a date range.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import * as repo from './reports.repository.ts';
import { resolveScope, type ScopeQuery } from './report-scope.ts';

export async function usherActivity(
  db: Kysely<Database>,
  org: string,
  q: ScopeQuery,
  nowMs: number,
) {
  const scope = await resolveScope(db, org, q, nowMs, { needsTarget: false });
  const rows = await repo.usherActivity(
    db,
    org,
    scope.sessions.map((s) => s.id),
  );
  const ushers = new Map<
    string,
    { userId: string; name: string; role: string; total: number; byMethod: Record<string, number> }
  >();
  for (const r of rows) {
    const u = ushers.get(r.user_id) ?? {
      userId: r.user_id,
      name: r.display_name,
      role: r.role,
      total: 0,
      byMethod: {},
    };
    u.byMethod[r.method] = Number(r.n);
    u.total += Number(r.n);
    ushers.set(r.user_id, u);
  }
  return {
    generatedAt: iso(nowMs),
    scope: { sessionId: scope.sessionId, groupId: scope.groupId, from: scope.from, to: scope.to },
    sessions: scope.sessions.length,
    total: rows.reduce((n, r) => n + Number(r.n), 0),
    ushers: [...ushers.values()],
  };
}
