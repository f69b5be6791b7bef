// Turns what was scanned or typed into a participant, or the reason it found no one (a code the
// screen words in the user's language with `lookupMessage`).
import { parseBadgePayload, type Participant } from '@rollcall/shared';
import type { RollcallDb } from '../../db/db.ts';
import type { T } from '../../i18n/i18n.ts';

type LookupProblem =
  | { reason: 'otherOrganization' | 'unknownBadge' | 'notBadge' }
  | { reason: 'noCode' | 'unknownCode'; code: string }
  | { reason: 'deactivated'; name: string };

export type Lookup = { ok: true; participant: Participant } | ({ ok: false } & LookupProblem);

/** Why a scan or a code found no one, in the words of the language in use. */
export function lookupMessage(problem: LookupProblem, t: T<'scan'>): string {
  switch (problem.reason) {
    case 'noCode':
    case 'unknownCode':
      return t(problem.reason, { code: problem.code });
    case 'deactivated':
      return t('deactivated', { name: problem.name });
    default:
      return t(problem.reason);
  }
}

export async function lookupScan(
  db: RollcallDb,
  text: string,
  organizationId: string,
): Promise<Lookup> {
  const value = text.trim();
  const badge = parseBadgePayload(value);
  if (badge.ok) {
    if (badge.organizationId !== organizationId) return { ok: false, reason: 'otherOrganization' };
    const p = await db.participants.where('qrToken').equals(badge.qrToken).first();
    if (!p) return { ok: false, reason: 'unknownBadge' };
    return active(p);
  }
  if (/^\d{5}$/.test(value)) {
    const p = await db.participants.where('personalCode').equals(value).first();
    return p ? active(p) : { ok: false, reason: 'noCode', code: value };
  }
  const byKey = await db.participants.where('externalKey').equals(value).first();
  if (byKey) return active(byKey);
  return value.length > 40
    ? { ok: false, reason: 'notBadge' }
    : { ok: false, reason: 'unknownCode', code: value };
}

const active = (p: Participant): Lookup =>
  p.active
    ? { ok: true, participant: p }
    : { ok: false, reason: 'deactivated', name: displayName(p) };

export const displayName = (p: Pick<Participant, 'firstName' | 'lastName' | 'preferredName'>) =>
  `${p.preferredName || p.firstName} ${p.lastName}`.trim();

export const initials = (p: Pick<Participant, 'firstName' | 'lastName'>) =>
  `${p.firstName[0] ?? ''}${p.lastName[0] ?? ''}`.toUpperCase();

/** Incremental name search from two characters; names are matched by word prefix. */
export async function searchByName(
  db: RollcallDb,
  query: string,
  limit = 20,
): Promise<Participant[]> {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const words = q.split(/\s+/);
  return db.participants
    .filter((p) => {
      const hay = `${p.firstName} ${p.lastName} ${p.preferredName ?? ''}`
        .toLowerCase()
        .split(/\s+/);
      return p.active && words.every((w) => hay.some((h) => h.startsWith(w)));
    })
    .limit(limit)
    .toArray();
}

/** `late` after the session's (or the organization's) late-after minutes. */
export function autoState(
  scheduledStart: string,
  lateAfterMinutes: number,
  nowMs: number,
): 'present' | 'late' {
  return nowMs > Date.parse(scheduledStart) + lateAfterMinutes * 60_000 ? 'late' : 'present';
}
