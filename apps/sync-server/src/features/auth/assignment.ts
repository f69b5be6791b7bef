// A temporary usher's assignment expires on its own: the status is derived from the clock on
// every read, so no scheduled job has to run for expiry to take effect.
import { parseHlc } from '@rollcall/conflict';
import type { Change } from '@rollcall/shared';
import type { AssignmentRow } from '../../db/schema.ts';

export type AssignmentStatus = 'active' | 'expired' | 'revoked';

export function assignmentStatus(
  a: Pick<AssignmentRow, 'revoked_at' | 'expires_at' | 'status'>,
  nowMs: number,
): AssignmentStatus {
  if (a.revoked_at || a.status === 'revoked') return 'revoked';
  return Date.parse(a.expires_at) <= nowMs ? 'expired' : 'active';
}

export const toAssignmentDto = (a: AssignmentRow, nowMs: number) => ({
  id: a.id,
  expiresAt: a.expires_at,
  status: assignmentStatus(a, nowMs),
  location: a.location,
});

type Row = Pick<AssignmentRow, 'revoked_at' | 'expires_at' | 'status' | 'created_at'>;

/**
 * When the assignment stops counting what is recorded: the earlier of its expiry and its
 * revocation, and which one that was. Nothing recorded after `cutoffMs` is accepted; what was
 * recorded before it may still be pushed until `graceEndMs`.
 */
export function assignmentCutoff(a: Row, graceHours: number) {
  const expires = Date.parse(a.expires_at);
  // A revocation without a time (never written by this server) counts from the assignment's start.
  const revoked = a.revoked_at
    ? Date.parse(a.revoked_at)
    : a.status === 'revoked'
      ? Date.parse(a.created_at)
      : Infinity;
  const cause: 'revoked' | 'expired' = revoked <= expires ? 'revoked' : 'expired';
  const cutoffMs = Math.min(expires, revoked);
  return { cause, cutoffMs, graceEndMs: cutoffMs + graceHours * 3600_000 };
}

/**
 * May this temporary usher still read the roster and renew credentials? Not once revoked, nor
 * once expired beyond the grace period. Only pushing what was recorded in time stays open.
 */
export function assignmentLapse(
  a: Row | null | undefined,
  nowMs: number,
  graceHours: number,
): { code: string; message: string } | null {
  if (!a)
    return {
      code: 'assignment_missing',
      message: 'You have no temporary usher assignment',
    };
  const { cause, graceEndMs } = assignmentCutoff(a, graceHours);
  if (cause === 'revoked')
    return {
      code: 'assignment_revoked',
      message:
        'Your temporary usher assignment was revoked; check-ins recorded before it still upload, nothing else syncs',
    };
  if (nowMs > graceEndMs)
    return {
      code: 'assignment_expired',
      message: 'Your temporary usher assignment has expired and its grace period is over',
    };
  return null;
}

/**
 * The instant a change was recorded, as the conflict rules see it: the physical part of its
 * hybrid logical clock (reconcile orders observations by `hlc`), so the assignment window and the
 * conflict order cannot disagree. `recordedAt` only stands in for a stamp that does not parse.
 */
export function recordedInstant(change: Pick<Change, 'hlc' | 'recordedAt'>): number {
  return parseHlc(change.hlc)?.wallMs ?? Date.parse(change.recordedAt);
}
