// Per-change checks that need no database: shape, kind-specific fields, role and the temporary
// usher's time window. Each failure rejects that change alone, with a reason a person can read.
import {
  can,
  CHANGE_KINDS,
  CHANGE_SCHEMAS,
  compileValidator,
  describeProblems,
  type Change,
  type ChangeKind,
  type FieldProblem,
  type Role,
  type RejectionCode,
} from '@rollcall/shared';
import type { AssignmentRow } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { assignmentCutoff, recordedInstant } from '../auth/assignment.ts';

// The union's branches are told apart by `kind`: checking the one branch a change names is the
// union check, and its problems name fields instead of "Expected union value".
type ShapeCheck = (raw: unknown) => { ok: true } | { ok: false; problems: FieldProblem[] };
const checkKind = new Map<unknown, ShapeCheck>(
  CHANGE_KINDS.map((k) => [k, compileValidator(CHANGE_SCHEMAS[k])]),
);
const checkCommon = compileValidator(CHANGE_SCHEMAS['presence.set']);

export interface Rejection {
  code: RejectionCode;
  reason: string;
}
export type Checked =
  { ok: true; change: Change; graceAccepted: boolean } | { ok: false; rejection: Rejection };

const reject = (code: RejectionCode, reason: string): Checked => ({
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
  const shape = checkShape(raw);
  if (!shape.ok) return reject('invalid_change', shape.reason);
  const change = shape.value;
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

/** The schema decides; a refusal names what was wrong, in words when it is the kind's own field. */
function checkShape(raw: unknown): { ok: true; value: Change } | { ok: false; reason: string } {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  const check = checkKind.get(kind);
  if (!check) {
    const kinds = { path: '/kind', message: `Expected one of ${CHANGE_KINDS.join(', ')}` };
    return { ok: false, reason: malformed([kinds, ...otherProblems(raw)]) };
  }
  const shape = check(raw);
  // Checked against the schema of its own kind, which is the union's branch for that kind.
  if (shape.ok) return { ok: true, value: raw as Change };
  const fields = raw as Record<string, unknown>;
  const own = kindProblem(kind as ChangeKind, fields);
  const rest = shape.problems.filter((p) => !explained(kind as ChangeKind, fields, p.path));
  // Other problems first, as before the kinds had their own schemas: the change is malformed.
  return { ok: false, reason: rest.length > 0 || !own ? malformed(rest) : own };
}

// The kind's own fields: a missing one (or a check-out's state) is said in words by kindProblem.
const KIND_FIELDS = ['/sessionId', '/state', '/method', '/participant'];
const explained = (kind: ChangeKind, c: Record<string, unknown>, path: string) =>
  KIND_FIELDS.includes(path) &&
  (c[path.slice(1)] === undefined || (kind === 'presence.checkout' && path === '/state'));

const malformed = (problems: FieldProblem[]) =>
  `This change is malformed: ${describeProblems(problems)}`;

// An unknown kind names no branch: the fields every kind shares are still checked, so the reason
// lists all that is wrong at once.
const otherProblems = (raw: unknown) => {
  const shape = checkCommon(raw);
  return shape.ok
    ? []
    : shape.problems.filter((p) => p.path !== '/kind' && !KIND_FIELDS.includes(p.path));
};

/** What the schema of `kind` refuses for want (or presence) of the kind's own field, in words. */
function kindProblem(kind: ChangeKind, c: Record<string, unknown>): string | null {
  if (kind === 'participant.create')
    return c.participant === undefined ? 'participant.create needs a participant' : null;
  if (c.sessionId === undefined) return `${kind} needs a sessionId`;
  if (kind === 'presence.set' && c.state === undefined) return 'presence.set needs a state';
  if (kind === 'presence.set' && c.method === undefined) return 'presence.set needs a method';
  if (kind === 'presence.checkout' && c.state !== undefined)
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
