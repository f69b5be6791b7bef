// The convergence property: the same set of concurrent changes, in any order and with any
// duplication, ends in the same record and the same conflict — and that outcome equals a direct
// set function (latest change per device; all agree → no conflict).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type ConflictPolicy } from './policy.ts';
import { byArrival, reconcile } from './reconcile.ts';
import type { KeyState, Observation } from './types.ts';

const STATES = ['present', 'late', 'absent', 'excused', null] as const;
const METHODS = ['qr', 'code', 'manual', 'bulk'] as const;

/** 1–4 devices, each with 1–3 sequential changes, all concurrent against version 0. */
const changeSet = fc
  .array(
    fc.array(
      fc.record({ state: fc.constantFrom(...STATES), method: fc.constantFrom(...METHODS) }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((devices) => {
    const n = devices.reduce((s, d) => s + d.length, 0);
    return fc.tuple(
      fc.constant(devices),
      fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: n, maxLength: n }),
    );
  })
  .map(([devices, times]) => {
    let k = 0;
    return devices.flatMap((changes, d) => {
      // A device's own stamps increase with its sequence, as an HLC guarantees.
      const mine = times.slice(k, (k += changes.length)).sort((a, b) => a - b);
      return changes.map((c, i): Observation => ({
        changeId: `d${d}-${i + 1}`,
        deviceId: `d${d}`,
        deviceSeq: i + 1,
        userId: `u${d}`,
        state: c.state,
        method: c.method,
        recordedAt: '2026-11-22T09:00:00.000Z',
        hlc: `${String(1_700_000_000_000 + mine[i]!).padStart(15, '0')}-00000-d${d}`,
        baseVersion: 0,
      }));
    });
  });

function foldAll(changes: Observation[], policy: ConflictPolicy = DEFAULT_POLICY): KeyState {
  let s: KeyState | null = null;
  for (const c of changes) s = reconcile(s, c, policy).next;
  return s!;
}

const summary = (s: KeyState) => ({
  record: [s.record.changeId, s.record.state],
  current: s.current.map((l) => l.observation.changeId),
  conflict: s.conflict
    ? { status: s.conflict.status, versions: s.conflict.versions.map((v) => v.changeId).sort() }
    : null,
});

function expected(changes: Observation[]) {
  const latest = new Map<string, Observation>();
  for (const c of changes)
    if ((latest.get(c.deviceId)?.deviceSeq ?? 0) < c.deviceSeq) latest.set(c.deviceId, c);
  const current = [...latest.values()].sort(byArrival);
  const agree = new Set(current.map((o) => o.state)).size === 1;
  return {
    record: [current[0]!.changeId, current[0]!.state],
    current: current.map((o) => o.changeId),
    conflict: agree ? null : { status: 'open', versions: current.map((o) => o.changeId).sort() },
  };
}

/** Shuffle while keeping each device's own changes in sequence. */
const deviceOrderedShuffle = (changes: Observation[]) =>
  fc
    .shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length })
    .map((xs) => {
      const byDevice = new Map<string, Observation[]>();
      for (const c of changes) byDevice.set(c.deviceId, [...(byDevice.get(c.deviceId) ?? []), c]);
      return xs.map((x) => byDevice.get(x.deviceId)!.shift()!);
    });

describe('convergence', () => {
  it('is independent of order when each device keeps its own order', () => {
    fc.assert(
      fc.property(
        changeSet.chain((cs) => fc.tuple(fc.constant(cs), deviceOrderedShuffle(cs))),
        ([cs, shuffled]) => {
          expect(summary(foldAll(shuffled))).toEqual(summary(foldAll(cs)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is independent of any order at all', () => {
    fc.assert(
      fc.property(
        changeSet.chain((cs) =>
          fc.tuple(
            fc.constant(cs),
            fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
          ),
        ),
        ([cs, shuffled]) => {
          expect(summary(foldAll(shuffled))).toEqual(summary(foldAll(cs)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is independent of duplication', () => {
    const withDuplicates = changeSet.chain((cs) =>
      fc.tuple(fc.constant(cs), fc.array(fc.constantFrom(...cs), { maxLength: 8 }), fc.nat()),
    );
    fc.assert(
      fc.property(withDuplicates, ([cs, extra, seed]) => {
        const mixed = [...cs, ...extra].sort(
          (a, b) => ((a.changeId.length * 31 + seed) % 7) - ((b.changeId.length * 17 + seed) % 7),
        );
        expect(summary(foldAll(mixed))).toEqual(summary(foldAll(cs)));
      }),
      { numRuns: 300 },
    );
  });

  it('equals the set function: latest per device, agreement or one open conflict', () => {
    fc.assert(
      fc.property(changeSet, (cs) => {
        expect(summary(foldAll(cs))).toEqual(expected(cs));
      }),
      { numRuns: 300 },
    );
  });

  it.each<ConflictPolicy>([
    { rules: [{ kind: 'qr_beats_manual_absent' }] },
    { rules: [{ kind: 'earliest_arrival_between', states: ['present', 'late'] }] },
    { rules: [{ kind: 'latest_wins' }] },
  ])('converges under policy %j', (policy) => {
    fc.assert(
      fc.property(
        changeSet.chain((cs) =>
          fc.tuple(
            fc.constant(cs),
            fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
          ),
        ),
        ([cs, shuffled]) => {
          expect(summary(foldAll(shuffled, policy))).toEqual(summary(foldAll(cs, policy)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
