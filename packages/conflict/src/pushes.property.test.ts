// Convergence across many pushes, with the key state stored between them as the server stores it,
// and with informed writes (a change made on top of a version its device saw).
//
// A scenario is a reference run: pushes in order, each one device's next changes. A change is
// blind (base 0) or informed: made after its device saw the key as it stood after push j of the
// run (any j before its own push), so its baseVersion is the version the key had then.
//
// Another order of the same pushes is a valid replay when
//   - each device's pushes keep their order, and
//   - what every informed write saw is the same set of pushes: each cut j it refers to is still a
//     cut (the pushes before it, as a set, are the same), so pushes only move within the segments
//     between cuts. Its baseVersion is the version the key has at that cut in THAT order (version
//     numbers depend on the order; what they stand for does not).
//
// What must converge across valid orders: the record shown (change id and state), the live set
// (change ids), and the conflict (status, the change ids it holds, the rule). Versions need not.
// What must also hold: storing the key state between pushes changes nothing (equals one in-memory
// fold), and the end state equals a direct set function of the scenario (see `expected`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type ConflictPolicy } from './policy.ts';
import { decodeKeyState, encodeKeyState } from './key-state-codec.ts';
import { byArrival, reconcile } from './reconcile.ts';
import type { KeyState, Observation, ReconcileResult } from './types.ts';

const STATES = ['present', 'late', 'absent', 'excused', null] as const;
const METHODS = ['qr', 'code', 'manual', 'bulk'] as const;

interface Step {
  obs: Observation; // baseVersion is filled in per order
  cut: number | null; // informed: the reference push after which its device looked; null: blind
}
interface Push {
  id: number; // position in the reference run
  device: string;
  steps: Step[];
}

/** A reference run of 1–8 pushes from 1–4 devices, each push 1–3 changes. */
const scenario = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: 3 }),
      steps: fc.array(
        fc.record({
          state: fc.constantFrom(...STATES),
          method: fc.constantFrom(...METHODS),
          informed: fc.boolean(),
          cutPick: fc.nat(),
          at: fc.integer({ min: 0, max: 10_000 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((raw) => {
    const seq = new Map<string, number>();
    const lastAt = new Map<string, number>();
    return raw.map((p, id): Push => {
      const device = `d${p.device}`;
      return {
        id,
        device,
        steps: p.steps.map((s) => {
          const deviceSeq = (seq.get(device) ?? 0) + 1;
          seq.set(device, deviceSeq);
          // A device's own stamps increase with its sequence, as its HLC guarantees.
          const at = Math.max(s.at, (lastAt.get(device) ?? -1) + 1);
          lastAt.set(device, at);
          return {
            cut: s.informed && id > 0 ? s.cutPick % id : null,
            obs: {
              changeId: `${device}-${deviceSeq}`,
              deviceId: device,
              deviceSeq,
              userId: `u-${device}`,
              state: s.state,
              method: s.method,
              recordedAt: '2026-11-22T09:00:00.000Z',
              hlc: `${String(1_700_000_000_000 + at).padStart(15, '0')}-00000-${device}`,
              baseVersion: 0,
            },
          };
        }),
      };
    });
  });

/** The segments between the cuts informed writes refer to: pushes may move only inside one. */
function segments(pushes: Push[]): Push[][] {
  const cuts = new Set(
    pushes.flatMap((p) => p.steps.flatMap((s) => (s.cut === null ? [] : [s.cut]))),
  );
  const out: Push[][] = [[]];
  for (const p of pushes) {
    out.at(-1)!.push(p);
    if (cuts.has(p.id)) out.push([]);
  }
  return out.filter((s) => s.length > 0);
}

/** A valid replay order: each segment shuffled, each device's pushes kept in their order. */
const validOrder = (pushes: Push[]) =>
  fc
    .tuple(
      ...segments(pushes).map((seg) =>
        fc.shuffledSubarray(seg, { minLength: seg.length, maxLength: seg.length }).map((xs) => {
          const mine = new Map<string, Push[]>();
          for (const p of seg) mine.set(p.device, [...(mine.get(p.device) ?? []), p]);
          return xs.map((x) => mine.get(x.device)!.shift()!);
        }),
      ),
    )
    .map((segs) => segs.flat());

// What the server keeps between pushes for one key: the key state's text and the version column,
// written only when a push changed the key (the rule and the encoding the server uses).
interface Stored {
  text: string;
  version: number;
}
const load = (s: Stored | null): KeyState | null => (s ? decodeKeyState(s.text, s.version) : null);
const store = (s: KeyState): Stored => ({ text: encodeKeyState(s), version: s.version });
const changesKey = (r: ReconcileResult) => r.stateChanged;

/** Runs `order` push by push through the stored state; also folds it in memory, unstored. */
function run(order: Push[], policy: ConflictPolicy) {
  let stored: Stored | null = null;
  let memory: KeyState | null = null;
  const versionAt = new Map<number, number>(); // position -> key version after that push
  for (const [position, p] of order.entries()) {
    let state = load(stored);
    let dirty = false;
    for (const { obs, cut } of p.steps) {
      const change = { ...obs, baseVersion: cut === null ? 0 : versionAt.get(cut)! };
      const r = reconcile(state, change, policy);
      state = r.next;
      dirty ||= changesKey(r);
      memory = reconcile(memory, change, policy).next;
    }
    if (dirty) stored = store(state!);
    // After `position + 1` pushes of a valid order the pushes done are the reference's first
    // `position + 1` whenever that is a cut, so this is the version an informed write saw.
    versionAt.set(position, stored?.version ?? 0);
  }
  return { stored: load(stored)!, memory: memory! };
}

const summary = (s: KeyState) => ({
  record: [s.record.changeId, s.record.state],
  current: s.current.map((l) => l.observation.changeId).sort(),
  conflict: s.conflict
    ? {
        status: s.conflict.status,
        versions: s.conflict.versions.map((v) => v.changeId).sort(),
        rule: s.conflict.rule ?? null,
      }
    : null,
});

/**
 * The end state as a set function of the scenario (default policy): the live set holds each
 * device's last change unless another device's informed write looked after that change's push;
 * all agreeing shows the earliest arrival, otherwise one open conflict holds them all.
 */
function expected(pushes: Push[]) {
  const steps = pushes.flatMap((p) => p.steps.map((s) => ({ ...s, push: p.id })));
  const last = new Map<string, (typeof steps)[number]>();
  for (const s of steps) last.set(s.obs.deviceId, s);
  const live = [...last.values()]
    .filter(
      (o) =>
        !steps.some((w) => w.obs.deviceId !== o.obs.deviceId && w.cut !== null && w.cut >= o.push),
    )
    .map((o) => o.obs)
    .sort(byArrival);
  const agree = new Set(live.map((o) => o.state)).size === 1;
  return {
    record: [live[0]!.changeId, live[0]!.state],
    current: live.map((o) => o.changeId).sort(),
    conflict: agree
      ? null
      : { status: 'open', versions: live.map((o) => o.changeId).sort(), rule: null },
  };
}

const withOrders = scenario.chain((pushes) =>
  fc.tuple(fc.constant(pushes), validOrder(pushes), validOrder(pushes)),
);

describe('convergence over stored pushes with informed writes', () => {
  it('storing the key state between pushes changes nothing', () => {
    fc.assert(
      fc.property(withOrders, ([pushes]) => {
        const { stored, memory } = run(pushes, DEFAULT_POLICY);
        expect(summary(stored)).toEqual(summary(memory));
      }),
      { numRuns: 500 },
    );
  });

  it('ends the same in every valid order', () => {
    fc.assert(
      fc.property(withOrders, ([pushes, a, b]) => {
        const reference = summary(run(pushes, DEFAULT_POLICY).stored);
        expect(summary(run(a, DEFAULT_POLICY).stored)).toEqual(reference);
        expect(summary(run(b, DEFAULT_POLICY).stored)).toEqual(reference);
      }),
      { numRuns: 500 },
    );
  });

  it('equals the set function: last change per device unless an informed write saw it', () => {
    fc.assert(
      fc.property(withOrders, ([pushes, a]) => {
        expect(summary(run(a, DEFAULT_POLICY).stored)).toEqual(expected(pushes));
      }),
      { numRuns: 500 },
    );
  });

  it.each<ConflictPolicy>([
    { rules: [{ kind: 'qr_beats_manual_absent' }] },
    { rules: [{ kind: 'earliest_arrival_between', states: ['present', 'late'] }] },
    { rules: [{ kind: 'latest_wins' }] },
  ])('ends the same in every valid order under policy %j', (policy) => {
    fc.assert(
      fc.property(withOrders, ([pushes, a, b]) => {
        const reference = summary(run(pushes, policy).stored);
        expect(summary(run(a, policy).stored)).toEqual(reference);
        expect(summary(run(b, policy).stored)).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});
