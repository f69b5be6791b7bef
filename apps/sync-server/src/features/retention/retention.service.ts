// Data retention, run by an operator (`cli retention --dry-run | --execute`):
// - presence records of sessions that started more than `presenceYears` ago (3 by default) go, with
//   their change log entries, conflicts and excuses;
// - audit entries and notifications older than `auditYears` (1 by default) go;
// - an organization deleted more than 90 days ago is anonymized: participants' names, guardian
//   details, external keys and extra data are replaced or cleared; users' names and emails are
//   replaced and their logins disabled; devices are revoked; and what still holds names or reasons
//   (the change log, rejected changes, excuses, the audit log and notifications) is deleted.
// Every removed presence record leaves a tombstone with its session and participant, so devices
// that pulled it drop it (docs/protocol.md, Retention).
// Limits come from the organization's settings JSON: {"retention": {"presenceYears": 5, "auditYears": 2}}
// (or the flat keys "retention.presenceYears", "retention.auditYears"). Each organization is one
// transaction. Time comes from the caller's clock.
import { uuidv7 } from '@rollcall/shared';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { parseJson } from '../../lib/json.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { rosterWrite } from '../organizations/roster-write.service.ts';
import type { Notifier } from '../sync/notifier.ts';
import { lockSeq, type SeqAllocator } from '../sync/seq.repository.ts';
import * as repo from './retention.repository.ts';

export const DEFAULT_POLICY = { presenceYears: 3, auditYears: 1 };
export const ANONYMIZE_AFTER_DAYS = 90;

export type Policy = typeof DEFAULT_POLICY;
type OrgRow = Awaited<ReturnType<typeof repo.organizations>>[number];
interface Removal {
  presenceRecords: number;
  changes: number;
  conflicts: number;
  excuses: number;
  auditEntries: number;
  notifications: number;
}
interface Anonymization {
  participants: number;
  users: number;
  changes: number;
  rejections: number;
  excuses: number;
  auditEntries: number;
  notifications: number;
}
export interface OrgRetention {
  organizationId: string;
  name: string;
  slug: string;
  deletedAt: string | null;
  policy: Policy;
  problems: string[];
  presenceBefore: string;
  auditBefore: string;
  removed: Removal;
  anonymized: Anonymization | null;
}

/** The organization's limits, falling back to the defaults (with a note) for a missing or unusable value. */
export function policyOf(settings: string): { policy: Policy; problems: string[] } {
  const s = parseJson<Record<string, unknown>>(settings, {});
  const nested = (typeof s.retention === 'object' && s.retention ? s.retention : {}) as Record<
    string,
    unknown
  >;
  const problems: string[] = [];
  const pick = (key: keyof Policy) => {
    const value = nested[key] ?? s[`retention.${key}`];
    if (value === undefined) return DEFAULT_POLICY[key];
    if (typeof value === 'number' && Number.isFinite(value) && Math.round(value * 12) >= 1)
      return value;
    problems.push(
      `retention.${key} ${JSON.stringify(value)} is not a number of years (at least one month); using ${DEFAULT_POLICY[key]}`,
    );
    return DEFAULT_POLICY[key];
  };
  return {
    policy: { presenceYears: pick('presenceYears'), auditYears: pick('auditYears') },
    problems,
  };
}

/** `years` before now, in whole months (calendar months, UTC). */
export function yearsBefore(nowMs: number, years: number): string {
  const d = new Date(nowMs);
  d.setUTCMonth(d.getUTCMonth() - Math.round(years * 12));
  return iso(d.getTime());
}

const dueForAnonymizing = (org: OrgRow, nowMs: number) =>
  org.deleted_at !== null &&
  Date.parse(org.deleted_at) <= nowMs - ANONYMIZE_AFTER_DAYS * 86_400_000;

function header(org: OrgRow, nowMs: number) {
  const { policy, problems } = policyOf(org.settings);
  return {
    organizationId: org.id,
    name: org.name,
    slug: org.slug,
    deletedAt: org.deleted_at,
    policy,
    problems,
    presenceBefore: yearsBefore(nowMs, policy.presenceYears),
    auditBefore: yearsBefore(nowMs, policy.auditYears),
  };
}

async function planOne(db: Db, org: OrgRow, nowMs: number): Promise<OrgRetention> {
  const h = header(org, nowMs);
  const k = db.kysely;
  const removed = {
    ...(await repo.countBySession(k, org.id, h.presenceBefore)),
    auditEntries: await repo.countAudit(k, org.id, h.auditBefore),
    notifications: await repo.countNotifications(k, org.id, h.auditBefore),
  };
  if (!dueForAnonymizing(org, nowMs)) return { ...h, removed, anonymized: null };
  // Anonymizing runs after the rules above, so it deletes what they leave.
  const left = await repo.countAnonymize(k, org.id);
  const anonymized = {
    ...left,
    changes: left.changes - removed.changes,
    excuses: left.excuses - removed.excuses,
    auditEntries: (await repo.countAudit(k, org.id, null)) - removed.auditEntries,
    notifications: (await repo.countNotifications(k, org.id, null)) - removed.notifications,
  };
  return { ...h, removed, anonymized };
}

// Devices hold the records they pulled: each removed record leaves a tombstone naming its
// (session, participant), in the same transaction and in commit order, so every device drops it
// on its next pull, whenever that is.
async function tombstoneRecords(
  trx: Transaction<Database>,
  org: string,
  before: string,
  seq: SeqAllocator,
  nowMs: number,
) {
  const gone = await repo.recordsBySession(trx, org, before);
  await repo.insertTombstones(
    trx,
    gone.map((r) => ({
      id: uuidv7(nowMs),
      organization_id: org,
      entity: 'presenceRecord',
      entity_id: r.id,
      session_id: r.session_id,
      participant_id: r.participant_id,
      created_at: iso(nowMs),
      seq: seq.next(),
    })),
  );
  return gone.length;
}

async function applyOne(db: Db, org: OrgRow, nowMs: number): Promise<OrgRetention> {
  const h = header(org, nowMs);
  return db.kysely.transaction().execute(async (trx) => {
    // Taken first, as every writer does: seq order stays commit order.
    const seq = await lockSeq(trx, org.id);
    await tombstoneRecords(trx, org.id, h.presenceBefore, seq, nowMs);
    await seq.flush();
    const removed = {
      ...(await repo.deleteBySession(trx, org.id, h.presenceBefore)),
      auditEntries: await repo.purgeAudit(trx, db.dialect, org.id, h.auditBefore),
      notifications: await repo.purgeNotifications(trx, org.id, h.auditBefore),
    };
    if (!dueForAnonymizing(org, nowMs)) return { ...h, removed, anonymized: null };
    const anonymized = {
      ...(await repo.anonymize(trx, org.id, iso(nowMs))),
      auditEntries: await repo.purgeAudit(trx, db.dialect, org.id, null),
      notifications: await repo.purgeNotifications(trx, org.id, null),
    };
    return { ...h, removed, anonymized };
  });
}

/** What the retention command would do now to one organization; changes nothing. */
export async function planForOrganization(
  db: Db,
  orgId: string,
  nowMs: number,
): Promise<OrgRetention | null> {
  const org = (await repo.organizations(db.kysely)).find((o) => o.id === orgId);
  return org ? planOne(db, org, nowMs) : null;
}

/** What `applyRetention` would do now, per organization; changes nothing. */
export async function planRetention(db: Db, nowMs: number): Promise<OrgRetention[]> {
  const out: OrgRetention[] = [];
  for (const org of await repo.organizations(db.kysely)) out.push(await planOne(db, org, nowMs));
  return out;
}

/** Applies retention, then tells the devices of each organization that lost records to pull. */
export async function applyRetention(
  db: Db,
  nowMs: number,
  notifier?: Notifier,
): Promise<OrgRetention[]> {
  const out: OrgRetention[] = [];
  for (const org of await repo.organizations(db.kysely)) {
    const done = await applyOne(db, org, nowMs);
    out.push(done);
    if (done.removed.presenceRecords > 0)
      await notifier?.publish({ organizationId: org.id, seq: 0, sessionIds: [] });
  }
  return out;
}

/** One organization's lines for the operator. */
export function describeRetention(r: OrgRetention, executed: boolean): string[] {
  const [verb, anon] = executed ? ['removed', 'anonymized'] : ['would remove', 'would anonymize'];
  const day = (t: string) => t.slice(0, 10);
  const { removed: m, anonymized: a } = r;
  const lines = [
    `${r.name} (${r.slug})${r.deletedAt ? `, deleted ${day(r.deletedAt)}` : ''}:`,
    `  presence of sessions before ${day(r.presenceBefore)} (${r.policy.presenceYears} years): ${verb} ${m.presenceRecords} records, ${m.changes} change log entries, ${m.conflicts} conflicts, ${m.excuses} excuses`,
    `  audit entries and notifications before ${day(r.auditBefore)} (${r.policy.auditYears} years): ${verb} ${m.auditEntries} and ${m.notifications}`,
    ...r.problems.map((p) => `  note: ${p}`),
  ];
  if (a) {
    lines.push(
      `  deleted over ${ANONYMIZE_AFTER_DAYS} days ago: ${anon} ${a.participants} participants and ${a.users} users; ${verb} ${a.changes} change log entries, ${a.rejections} rejected changes, ${a.excuses} excuses, ${a.auditEntries} audit entries, ${a.notifications} notifications`,
    );
  }
  return lines;
}

/** Sets an organization's limits (audited); devices never receive them, so no seq is spent. */
export async function setRetentionPolicy(ctx: AppContext, auth: AuthContext, policy: Policy) {
  await rosterWrite(ctx, auth, async (s) => {
    const row = await repo.organizationSettings(s.trx, auth.organizationId);
    const settings = parseJson<Record<string, unknown>>(row.settings, {});
    await repo.saveOrganizationSettings(
      s.trx,
      row.id,
      JSON.stringify({ ...settings, retention: policy }),
    );
    await s.audit(
      'organization',
      row.id,
      'retention',
      { retention: settings.retention ?? null },
      { retention: policy },
    );
  });
}
