// Importing participants: check every row first, then write all of them in one transaction or
// none. A row matches an existing participant by external key, else by personal code, and only
// when its name agrees (participant-match.ts says the whole rule), so importing the same file
// again changes nothing and a reused code or key is a problem shown by the check, never a rename.
import { uuidv7 } from '@rollcall/shared';
import { HttpError } from '../../lib/errors.ts';
import { randomPersonalCode, randomToken } from '../../lib/secrets.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { rosterWrite, type WriteScope } from '../organizations/roster-write.service.ts';
import { matchRow } from './participant-match.ts';
import { checkRows, type CleanRow, type RawRow, type RowProblem } from './participant-rows.ts';

type Existing = {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  personal_code: string;
  external_key: string | null;
  guardian_name: string | null;
  guardian_phone: string | null;
};

export interface ImportOutcome {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

export async function importParticipants(
  ctx: AppContext,
  auth: AuthContext,
  rows: RawRow[],
  dryRun: boolean,
): Promise<ImportOutcome> {
  const org = auth.organizationId;
  const run = async (s: WriteScope | null) => {
    const db = s?.trx ?? ctx.db.kysely;
    const groups = await db
      .selectFrom('groups')
      .select(['id', 'name'])
      .where('organization_id', '=', org)
      .execute();
    const groupId = new Map(groups.map((g) => [g.name, g.id]));
    const { clean, problems } = checkRows(rows, new Set(groupId.keys()));
    const existing = await db
      .selectFrom('participants')
      .select([
        'id',
        'first_name',
        'last_name',
        'preferred_name',
        'personal_code',
        'external_key',
        'guardian_name',
        'guardian_phone',
      ])
      .where('organization_id', '=', org)
      .execute();
    const members = await db
      .selectFrom('group_memberships')
      .select(['participant_id', 'group_id'])
      .where('organization_id', '=', org)
      .execute();
    const groupsOf = new Map<string, Set<string>>();
    for (const m of members)
      groupsOf.set(m.participant_id, (groupsOf.get(m.participant_id) ?? new Set()).add(m.group_id));
    const plan = planRows(clean, existing, groupId, groupsOf, problems);
    const count = (k: string) => plan.filter((p) => p.kind === k).length;
    const outcome: ImportOutcome = {
      dryRun: s === null,
      total: rows.length,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
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
    const codes = new Set(existing.map((p) => p.personal_code));
    for (const p of plan) {
      if (p.kind === 'unchanged') continue;
      const id = p.match?.id ?? uuidv7(ctx.clock.now());
      const fields = {
        first_name: p.r.firstName,
        last_name: p.r.lastName,
        preferred_name: p.r.preferredName,
        external_key: p.r.externalKey ?? p.match?.external_key ?? null,
        guardian_name: p.r.guardianName,
        guardian_phone: p.r.guardianPhone,
        updated_at: s.nowIso,
        seq: s.seq.next(),
      };
      if (p.match) {
        await s.trx
          .updateTable('participants')
          .set({ ...fields, ...(p.r.personalCode ? { personal_code: p.r.personalCode } : {}) })
          .where('id', '=', id)
          .execute();
      } else {
        const code = p.r.personalCode ?? freshCode(codes);
        codes.add(code);
        await s.trx
          .insertInto('participants')
          .values({
            id,
            organization_id: org,
            ...fields,
            personal_code: code,
            qr_token: randomToken(18),
            active: 1,
            extra: '{}',
            created_at: s.nowIso,
          })
          .execute();
      }
      // Memberships are added, never removed: a file lists the groups it knows about.
      const missing = [...p.wanted].filter((g) => !groupsOf.get(id)?.has(g));
      if (missing.length)
        await s.trx
          .insertInto('group_memberships')
          .values(missing.map((g) => ({ organization_id: org, group_id: g, participant_id: id })))
          .execute();
    }
    await s.audit('import', uuidv7(ctx.clock.now()), 'import_participants', null, {
      rows: rows.length,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
    });
    return outcome;
  };
  return dryRun ? run(null) : rosterWrite(ctx, auth, run);
}

type Planned = { r: CleanRow; match?: Existing; wanted: Set<string>; kind: string };

/** What each clean row will do; a row that names someone else, or a person another row already names, becomes a problem. */
function planRows(
  clean: CleanRow[],
  existing: Existing[],
  groupId: Map<string, string>,
  groupsOf: Map<string, Set<string>>,
  problems: RowProblem[],
): Planned[] {
  const byKey = new Map(existing.filter((p) => p.external_key).map((p) => [p.external_key!, p]));
  const byCode = new Map(existing.map((p) => [p.personal_code, p]));
  const plan: Planned[] = [];
  const rowOf = new Map<string, number>(); // existing person id -> the row that matched them
  for (const r of clean) {
    const m = matchRow(r, byKey, byCode);
    if ('problem' in m) {
      problems.push(m.problem);
      continue;
    }
    const match = m.person;
    const earlier = match && rowOf.get(match.id);
    if (match && earlier) {
      const field = r.externalKey === match.external_key ? 'external_key' : 'personal_code';
      problems.push({
        row: r.row,
        field,
        message: `is ${match.first_name} ${match.last_name}, like row ${earlier}`,
      });
      continue;
    }
    if (match) rowOf.set(match.id, r.row);
    const wanted = new Set(r.groupNames.map((n) => groupId.get(n)!));
    const kind = !match
      ? 'create'
      : same(match, r) && [...wanted].every((g) => groupsOf.get(match.id)?.has(g))
        ? 'unchanged'
        : 'update';
    plan.push({ r, match, wanted, kind });
  }
  return plan;
}

const same = (m: Existing, r: CleanRow) =>
  m.first_name === r.firstName &&
  m.last_name === r.lastName &&
  m.preferred_name === r.preferredName &&
  m.guardian_name === r.guardianName &&
  m.guardian_phone === r.guardianPhone &&
  (r.personalCode === null || m.personal_code === r.personalCode) &&
  (r.externalKey === null || m.external_key === r.externalKey);

function freshCode(taken: Set<string>) {
  for (let i = 0; i < 1000; i++) {
    const c = randomPersonalCode();
    if (!taken.has(c)) return c;
  }
  throw new HttpError(409, 'codes_exhausted', 'No free personal code left');
}
