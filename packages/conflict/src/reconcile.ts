// The rule for one (session, participant): given what the server knows and one incoming change,
// decide applied / merged / conflict. Pure and deterministic: for changes made concurrently
// against the same base, any order and any duplication end in the same record and conflict.
import { applyPolicy, type ConflictPolicy } from './policy.ts';
import type { ConflictState, KeyState, Observation, Outcome, ReconcileResult } from './types.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Arrival order: the HLC stamp, then device and change id to break ties the same way everywhere. */
export const byArrival = (a: Observation, b: Observation) =>
  cmp(a.hlc, b.hlc) || cmp(a.deviceId, b.deviceId) || cmp(a.changeId, b.changeId);

const unchanged = (prev: KeyState): ReconcileResult => ({
  next: prev,
  outcome: { kind: 'merged', reason: 'superseded' },
  recordChanged: false,
  conflictOpened: false,
  conflictClosed: null,
});

export function reconcile(
  prev: KeyState | null,
  change: Observation,
  policy: ConflictPolicy,
): ReconcileResult {
  if (!prev) {
    const next = { version: 1, record: change, current: [change], conflict: null };
    return {
      next,
      outcome: { kind: 'applied' },
      recordChanged: true,
      conflictOpened: false,
      conflictClosed: null,
    };
  }
  const known =
    prev.record.changeId === change.changeId ||
    prev.current.some((o) => o.changeId === change.changeId);
  const own = prev.current.find((o) => o.deviceId === change.deviceId);
  // A replay, or an older edit of a device whose newer edit is already here: nothing to do.
  if (known || (own && own.deviceSeq > change.deviceSeq)) return unchanged(prev);
  if (change.baseVersion >= prev.version) return informedWrite(prev, change);
  const current = [...prev.current.filter((o) => o.deviceId !== change.deviceId), change].sort(
    byArrival,
  );
  return evaluate(prev, current, change, Boolean(own), policy);
}

// The device saw the current record and decided anew: its value supersedes every observation.
function informedWrite(prev: KeyState, change: Observation): ReconcileResult {
  const next = { version: prev.version + 1, record: change, current: [change], conflict: null };
  return {
    next,
    outcome: { kind: 'applied' },
    recordChanged: true,
    conflictOpened: false,
    conflictClosed: prev.conflict ? 'superseded' : null,
  };
}

function settleSet(
  current: Observation[],
  policy: ConflictPolicy,
): { record: Observation; conflict: ConflictState | null } {
  const states = new Set(current.map((o) => o.state));
  // Agreement keeps the earliest arrival; an open conflict shows the earliest too, so the
  // provisional value does not depend on which device happened to sync first.
  if (states.size === 1) return { record: current[0]!, conflict: null };
  const settled = applyPolicy(policy, current);
  if (settled)
    return {
      record: settled.winner,
      conflict: { status: 'auto_resolved', versions: current, rule: settled.rule },
    };
  return { record: current[0]!, conflict: { status: 'open', versions: current } };
}

function evaluate(
  prev: KeyState,
  current: Observation[],
  change: Observation,
  replacedOwn: boolean,
  policy: ConflictPolicy,
): ReconcileResult {
  const { record, conflict } = settleSet(current, policy);
  const recordChanged =
    record.changeId !== prev.record.changeId || !sameConflict(prev.conflict, conflict);
  const next: KeyState = {
    version: recordChanged ? prev.version + 1 : prev.version,
    record,
    current,
    conflict,
  };
  const wasOpen = prev.conflict?.status === 'open';
  const conflictClosed =
    wasOpen && !conflict
      ? 'agreement'
      : wasOpen && conflict?.status === 'auto_resolved'
        ? 'auto_resolved'
        : null;
  return {
    next,
    outcome: outcomeOf(conflict, record, change, replacedOwn || current.length === 1),
    recordChanged,
    conflictOpened: conflict?.status === 'open' && !wasOpen,
    conflictClosed,
  };
}

function outcomeOf(
  conflict: ConflictState | null,
  record: Observation,
  change: Observation,
  alone: boolean,
): Outcome {
  if (conflict?.status === 'open') return { kind: 'conflict' };
  if (conflict)
    return record.changeId === change.changeId
      ? { kind: 'applied' }
      : { kind: 'merged', reason: 'agrees' };
  return alone ? { kind: 'applied' } : { kind: 'merged', reason: 'agrees' };
}

function sameConflict(a: ConflictState | null, b: ConflictState | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.status === b.status &&
    a.rule === b.rule &&
    a.versions.length === b.versions.length &&
    a.versions.every((v, i) => v.changeId === b.versions[i]!.changeId)
  );
}
