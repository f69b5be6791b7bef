import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type ConflictPolicy } from './policy.ts';
import { reconcile } from './reconcile.ts';
import { obs } from './test-notation.ts';
import type { KeyState, Observation, ReconcileResult } from './types.ts';

function fold(specs: (string | Observation)[], policy: ConflictPolicy = DEFAULT_POLICY) {
  let state: KeyState | null = null;
  const results: ReconcileResult[] = [];
  for (const s of specs) {
    const r = reconcile(state, typeof s === 'string' ? obs(s) : s, policy);
    results.push(r);
    state = r.next;
  }
  return { state: state!, outcomes: results.map((r) => r.outcome.kind), results };
}

describe('reconcile', () => {
  it.each([
    // [case, changes, outcomes, final state, open conflict?]
    ['first record applies', ['A1 present'], ['applied'], 'present', false],
    [
      'agreement merges',
      ['A1 present qr @1', 'B1 present code @2'],
      ['applied', 'merged'],
      'present',
      false,
    ],
    [
      'disagreement conflicts',
      ['A1 present qr @1', 'B1 absent manual @2'],
      ['applied', 'conflict'],
      'present',
      true,
    ],
    [
      'own later edit applies',
      ['A1 present qr @1', 'A2 late qr @2'],
      ['applied', 'applied'],
      'late',
      false,
    ],
    [
      'older own edit after newer is superseded',
      ['A2 late qr @2', 'A1 present qr @1'],
      ['applied', 'merged'],
      'late',
      false,
    ],
    [
      'informed write applies',
      ['A1 present qr @1', 'B1 excused manual @2 base1'],
      ['applied', 'applied'],
      'excused',
      false,
    ],
    [
      'clear agrees with clear',
      ['A1 - manual @1', 'B1 - manual @2'],
      ['applied', 'merged'],
      null,
      false,
    ],
    [
      'clear against present conflicts',
      ['A1 present qr @1', 'B1 - manual @2'],
      ['applied', 'conflict'],
      'present',
      true,
    ],
    [
      'a third disagreeing device joins the conflict',
      ['A1 present qr @1', 'B1 absent manual @2', 'C1 late qr @3'],
      ['applied', 'conflict', 'conflict'],
      'present',
      true,
    ],
    [
      'devices coming to agree close the conflict',
      ['A1 present qr @1', 'B1 absent manual @2', 'B2 present qr @3'],
      ['applied', 'conflict', 'applied'],
      'present',
      false,
    ],
    [
      'an informed write supersedes an open conflict',
      ['A1 present qr @1', 'B1 absent manual @2', 'C1 excused manual @3 base2'],
      ['applied', 'conflict', 'applied'],
      'excused',
      false,
    ],
  ])('%s', (_case, specs, outcomes, finalState, open) => {
    const { state, outcomes: got } = fold(specs);
    expect(got).toEqual(outcomes);
    expect(state.record.state).toBe(finalState);
    expect(state.conflict?.status === 'open').toBe(open);
  });

  it('keeps the earliest arrival when devices agree, whatever arrives first', () => {
    const { state } = fold(['B1 present code @5', 'A1 present qr @2']);
    expect(state.record.changeId).toBe('A-1');
    expect(state.current.map((l) => l.observation.changeId)).toEqual(['A-1', 'B-1']);
  });

  it('ignores a replay of a known change', () => {
    const { state, results } = fold(['A1 present', 'B1 absent manual @2', 'B1 absent manual @2']);
    expect(results[2]!.recordChanged).toBe(false);
    expect(results[2]!.next).toBe(results[1]!.next);
    expect(state.conflict?.versions).toHaveLength(2);
  });

  it('bumps the version whenever the key changes, a merged agreement too, and not on a replay', () => {
    const { results } = fold([
      'A1 present qr @1',
      'B1 present code @2',
      'C1 absent manual @3',
      'C1 absent manual @3',
    ]);
    expect(results.map((r) => r.next.version)).toEqual([1, 2, 3, 3]);
    expect(results.map((r) => r.recordChanged)).toEqual([true, false, true, false]);
    expect(results.map((r) => r.stateChanged)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.conflictOpened)).toEqual([false, false, true, false]);
  });

  it('keeps an agreement: a change made before it joined does not supersede it', () => {
    const { state, outcomes } = fold([
      'A1 present qr @1',
      'B1 present qr @2',
      'A2 late manual @3 base1',
    ]);
    expect(outcomes).toEqual(['applied', 'merged', 'conflict']);
    expect(state.conflict?.versions.map((v) => v.changeId)).toEqual(['B-1', 'A-2']);
  });

  it('lets a change made on top of the agreement supersede it', () => {
    const { state, outcomes } = fold([
      'A1 present qr @1',
      'B1 present qr @2',
      'A2 late manual @3 base2',
    ]);
    expect(outcomes).toEqual(['applied', 'merged', 'applied']);
    expect(state.current.map((l) => l.observation.changeId)).toEqual(['A-2']);
  });

  it('supersedes only what the device saw; what joined later still stands', () => {
    const { state, results } = fold([
      'A1 present qr @1',
      'B1 absent manual @2',
      'C1 excused manual @3 base1',
    ]);
    expect(state.current.map((l) => l.observation.changeId)).toEqual(['B-1', 'C-1']);
    expect(state.conflict?.status).toBe('open');
    expect(results[2]!.outcome.kind).toBe('conflict');
  });

  it('reports why a conflict closed', () => {
    expect(
      fold(['A1 present', 'B1 absent manual @2', 'B2 present qr @3']).results[2]!.conflictClosed,
    ).toBe('agreement');
    expect(
      fold(['A1 present', 'B1 absent manual @2', 'C1 late qr @3 base2']).results[2]!.conflictClosed,
    ).toBe('superseded');
  });
});

describe('policies', () => {
  const qr: ConflictPolicy = { rules: [{ kind: 'qr_beats_manual_absent' }] };
  const earliest: ConflictPolicy = {
    rules: [{ kind: 'earliest_arrival_between', states: ['present', 'late'] }],
  };
  const latest: ConflictPolicy = { rules: [{ kind: 'latest_wins' }] };

  it('lets a QR scan beat an earlier manual absent, logged as automatic', () => {
    const { state, outcomes } = fold(['B1 absent manual @1', 'A1 present qr @5'], qr);
    expect(outcomes).toEqual(['applied', 'applied']);
    expect(state.record.changeId).toBe('A-1');
    expect(state.conflict).toMatchObject({
      status: 'auto_resolved',
      rule: expect.stringMatching(/QR/),
    });
  });

  it('does not apply the QR rule to other disagreements', () => {
    const { state } = fold(['B1 excused manual @1', 'A1 present qr @5'], qr);
    expect(state.conflict?.status).toBe('open');
  });

  it('picks the earliest arrival between present and late, and only between them', () => {
    expect(fold(['B1 late qr @9', 'A1 present qr @3'], earliest).state.record.state).toBe(
      'present',
    );
    expect(fold(['A1 present qr @3', 'B1 absent manual @9'], earliest).state.conflict?.status).toBe(
      'open',
    );
  });

  it('lets the latest win under latest_wins', () => {
    expect(fold(['A1 present qr @3', 'B1 absent manual @9'], latest).state.record.state).toBe(
      'absent',
    );
  });

  it('reopens an automatically settled key when a new disagreement falls outside the rule', () => {
    const { state } = fold(['A1 present qr @1', 'B1 late qr @2', 'C1 absent manual @3'], earliest);
    expect(state.conflict?.status).toBe('open');
  });
});
