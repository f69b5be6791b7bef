// Turns what was scanned or typed into a participant, or a reason a person can read.
import { parseBadgePayload, type Participant } from '@rollcall/shared';
import type { RollcallDb } from '../../db/db.ts';

export type Lookup = { ok: true; participant: Participant } | { ok: false; message: string };

export async function lookupScan(
  db: RollcallDb,
  text: string,
  organizationId: string,
): Promise<Lookup> {
  const value = text.trim();
  const badge = parseBadgePayload(value);
  if (badge.ok) {
    if (badge.organizationId !== organizationId)
      return { ok: false, message: 'This badge belongs to another organization.' };
    const p = await db.participants.where('qrToken').equals(badge.qrToken).first();
    if (!p)
      return { ok: false, message: 'Unknown badge: it may have been replaced by a newer one.' };
    return active(p);
  }
  if (/^\d{5}$/.test(value)) {
    const p = await db.participants.where('personalCode').equals(value).first();
    return p ? active(p) : { ok: false, message: `No one has the code ${value}.` };
  }
  const byKey = await db.participants.where('externalKey').equals(value).first();
  if (byKey) return active(byKey);
  return {
    ok: false,
    message:
      value.length > 40
        ? 'This QR code is not a Rollcall badge.'
        : `Unknown code “${value}”: no one on this device has it.`,
  };
}

const active = (p: Participant): Lookup =>
  p.active
    ? { ok: true, participant: p }
    : { ok: false, message: `${displayName(p)} is deactivated.` };

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
