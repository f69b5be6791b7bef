// The rule for one (session, participant): given what the server knows and one incoming change,
// decide applied / merged / conflict. Pure and deterministic: the same changes, each device's in
// its order and each informed write having seen the same ones, end in the same record and conflict
// in any order (property-tested in reconcile.property.test.ts and pushes.property.test.ts).
import { applyPolicy, type ConflictPolicy } from './policy.ts';
import type {
  ConflictState,
  KeyState,
  LiveObservation,
  Observation,
  Outcome,
  ReconcileResult,
} from './types.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Arrival order: the HLC stamp, then device and change id to break ties the same way everywhere. */
export const byArrival = (a: Observation, b: Observation) =>
  cmp(a.hlc, b.hlc) || cmp(a.deviceId, b.deviceId) || cmp(a.changeId, b.changeId);

const unchanged = (prev: KeyState): ReconcileResult => ({
  next: prev,
  outcome: { kind: 'merged', reason: 'superseded' },
  recordChanged: false,
  stateChanged: false,
  conflictOpened: false,
  conflictClosed: null,
});

export function reconcile(
  prev: KeyState | null,
  change: Observation,
  policy: ConflictPolicy,
): ReconcileResult {
  if (!prev) {
    const next = {
      version: 1,
      record: change,
      current: [{ observation: change, since: 1 }],
      conflict: null,
    };
    return {
      next,
      outcome: { kind: 'applied' },
      recordChanged: true,
      stateChanged: true,
      conflictOpened: false,
      conflictClosed: null,
    };
  }
  const known =
    prev.record.changeId === change.changeId ||
    prev.current.some((l) => l.observation.changeId === change.changeId);
  const own = prev.current.find((l) => l.observation.deviceId === change.deviceId)?.observation;
  // A replay, or an older edit of a device whose newer edit is already here: nothing to do.
  if (known || (own && own.deviceSeq > change.deviceSeq)) return unchanged(prev);
  // Every fresh change joins the live set, so the key gets a new version even when the record
  // keeps its values: a device that decided on top of the old version did not see this one.
  const version = prev.version + 1;
  const others = prev.current.filter((l) => l.observation.deviceId !== change.deviceId);
  // What the device saw when it decided (joined by its base version), its value supersedes;
  // what joined later it never saw, and that observation still stands.
  const unseen = others.filter((l) => l.since > change.baseVersion);
  const current = [...unseen, { observation: change, since: version }].sort((a, b) =>
    byArrival(a.observation, b.observation),
  );
  return evaluate(
    prev,
    { version, current, change, policy },
    {
      alone: Boolean(own) || current.length === 1,
      superseded: unseen.length < others.length,
    },
  );
}

function settleSet(
  current: Observation[],
  policy: ConflictPolicy,
): { record: Observation; conflict: ConflictState | null } {
  const [first] = current;
  if (!first) throw new Error('settleSet needs at least one observation');
  const states = new Set(current.map((o) => o.state));
  // Agreement keeps the earliest arrival; an open conflict shows the earliest too, so the
  // provisional value does not depend on which device happened to sync first.
  if (states.size === 1) return { record: first, conflict: null };
  const settled = applyPolicy(policy, current);
  if (settled)
    return {
      record: settled.winner,
      conflict: { status: 'auto_resolved', versions: current, rule: settled.rule },
    };
  return { record: first, conflict: { status: 'open', versions: current } };
}

interface Next {
  version: number;
  current: LiveObservation[];
  change: Observation;
  policy: ConflictPolicy;
}

function evaluate(
  prev: KeyState,
  { version, current, change, policy }: Next,
  how: { alone: boolean; superseded: boolean },
): ReconcileResult {
  const { record, conflict } = settleSet(
    current.map((l) => l.observation),
    policy,
  );
  const next: KeyState = { version, record, current, conflict };
  const wasOpen = prev.conflict?.status === 'open';
  return {
    next,
    outcome: outcomeOf(conflict, record, change, how.alone),
    recordChanged:
      record.changeId !== prev.record.changeId || !sameConflict(prev.conflict, conflict),
    stateChanged: true,
    conflictOpened: conflict?.status === 'open' && !wasOpen,
    conflictClosed: closedBy(prev.conflict, conflict, how.superseded),
  };
}

// Why the previous conflict ended, if it did: a change made by someone who saw it superseded it,
// the devices came to agree, or a policy rule now settles it.
function closedBy(
  prev: ConflictState | null,
  next: ConflictState | null,
  superseded: boolean,
): ReconcileResult['conflictClosed'] {
  if (!prev) return null;
  if (!next) return superseded ? 'superseded' : prev.status === 'open' ? 'agreement' : null;
  return prev.status === 'open' && next.status === 'auto_resolved' ? 'auto_resolved' : null;
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
    a.versions.every((v, i) => v.changeId === b.versions[i]?.changeId)
  );
}
