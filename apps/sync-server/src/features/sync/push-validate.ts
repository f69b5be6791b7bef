// Per-change checks that need no database: shape, kind-specific fields, role and the temporary
// usher's time window. Each failure rejects that change alone, with a reason a person can read.
import {
  can,
  ChangeSchema,
  compileValidator,
  describeProblems,
  type Change,
  type Role,
} from '@rollcall/shared';
import type { AssignmentRow } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { assignmentCutoff, recordedInstant } from '../auth/assignment.ts';

const checkChange = compileValidator(ChangeSchema);

export interface Rejection {
  code: string;
  reason: string;
}
export type Checked =
  { ok: true; change: Change; graceAccepted: boolean } | { ok: false; rejection: Rejection };

const reject = (code: string, reason: string): Checked => ({
  ok: false,
  rejection: { code, reason },
});

export interface Caller {
  role: Role;
  assignment: AssignmentRow | null;
  graceHours: number;
  nowMs: number;
}

export function checkOne(raw: unknown, caller: Caller): Checked {
  const shape = checkChange(raw);
  if (!shape.ok)
    return reject(
      'invalid_change',
      `This change is malformed: ${describeProblems(shape.problems)}`,
    );
  const change = shape.value;
  const fields = kindProblem(change);
  if (fields) return reject('invalid_change', fields);
  if (!can.recordPresence(caller.role)) {
    return reject(
      'forbidden',
      `A ${caller.role} cannot record attendance; ask an usher or an admin`,
    );
  }
  return caller.role === 'temp_usher'
    ? checkAssignmentWindow(change, caller)
    : { ok: true, change, graceAccepted: false };
}

function kindProblem(c: Change): string | null {
  if (c.kind === 'participant.create')
    return c.participant ? null : 'participant.create needs a participant';
  if (!c.sessionId) return `${c.kind} needs a sessionId`;
  if (c.kind === 'presence.set' && !c.state) return 'presence.set needs a state';
  if (c.kind === 'presence.set' && !c.method) return 'presence.set needs a method';
  if (c.kind === 'presence.checkout' && c.state !== undefined)
    return 'presence.checkout takes no state: it records when the person left';
  return null;
}

// The window closes at the earlier of expiry and revocation (push-time status does not matter:
// an offline device learns of a revocation late). A change counts by the instant the conflict
// rules order it by, its HLC; what was recorded before the close is accepted, and marked
// `graceAccepted`, for the grace period after it; what was recorded after it is refused.
function checkAssignmentWindow(change: Change, caller: Caller): Checked {
  const a = caller.assignment;
  if (!a) return reject('assignment_missing', 'You have no temporary usher assignment');
  const { cause, cutoffMs, graceEndMs } = assignmentCutoff(a, caller.graceHours);
  const recorded = recordedInstant(change);
  if (recorded > cutoffMs) {
    return cause === 'revoked'
      ? reject(
          'assignment_revoked',
          `Recorded at ${iso(recorded)}, after your assignment was revoked at ${iso(cutoffMs)}`,
        )
      : reject(
          'assignment_expired',
          `Recorded at ${iso(recorded)}, after your assignment expired at ${a.expires_at}`,
        );
  }
  if (caller.nowMs <= cutoffMs) return { ok: true, change, graceAccepted: false };
  if (caller.nowMs > graceEndMs) {
    return reject(
      'grace_period_over',
      `Recorded before your assignment ${cause === 'revoked' ? 'was revoked' : 'expired'}, but the ${caller.graceHours}-hour grace period to sync it ended at ${iso(graceEndMs)}`,
    );
  }
  return { ok: true, change, graceAccepted: true };
}
