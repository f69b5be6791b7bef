// A temporary usher's assignment expires on its own: the status is derived from the clock on
// every read, so no scheduled job has to run for expiry to take effect.
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
