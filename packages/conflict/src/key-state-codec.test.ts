import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeyState, encodeKeyState, KEY_STATE_FORMAT } from './key-state-codec.ts';
import { DEFAULT_POLICY, type ConflictPolicy } from './policy.ts';
import { reconcile } from './reconcile.ts';
import { obs } from './test-notation.ts';
import type { KeyState } from './types.ts';

const fold = (specs: string[], policy: ConflictPolicy = DEFAULT_POLICY) =>
  specs.reduce<KeyState | null>((s, spec) => reconcile(s, obs(spec), policy).next, null)!;

/** 1–8 changes from three devices, each its device's next, some made on top of a version. */
const specs = fc
  .array(
    fc.tuple(
      fc.constantFrom('A', 'B', 'C'),
      fc.constantFrom('present', 'late', 'absent', '-'),
      fc.constantFrom('qr', 'manual'),
      fc.integer({ min: 0, max: 3 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((changes) => {
    const seq = new Map<string, number>();
    return changes.map(([d, state, method, base], i) => {
      seq.set(d, (seq.get(d) ?? 0) + 1);
      return `${d}${seq.get(d)} ${state} ${method} @${i + 1} base${base}`;
    });
  });

describe('key state codec', () => {
  it('round-trips every state the rules produce', () => {
    fc.assert(
      fc.property(
        specs,
        fc.constantFrom<ConflictPolicy>(DEFAULT_POLICY, { rules: [{ kind: 'latest_wins' }] }),
        (changes, policy) => {
          const state = fold(changes, policy);
          expect(decodeKeyState(encodeKeyState(state), state.version)).toEqual(state);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes the current format and leaves the version to its column', () => {
    const text = encodeKeyState(fold(['A1 present', 'B1 present qr @2']));
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw.format).toBe(KEY_STATE_FORMAT);
    expect(raw).not.toHaveProperty('version');
  });

  it('reads the first format (no format field, bare observations) as of the stored version', () => {
    const a = obs('A1 present qr @1');
    const b = obs('B1 present qr @2');
    const legacy = JSON.stringify({ record: a, current: [a, b], conflict: null });
    const state = decodeKeyState(legacy, 1);
    expect(state).toEqual({
      version: 1,
      record: a,
      current: [
        { observation: a, since: 1 },
        { observation: b, since: 1 },
      ],
      conflict: null,
    });
    // The first format's rule still holds for it: a change made on top of version 1 supersedes.
    expect(reconcile(state, obs('A2 late qr @3 base1'), DEFAULT_POLICY).outcome.kind).toBe(
      'applied',
    );
    expect(reconcile(state, obs('C1 late qr @3 base0'), DEFAULT_POLICY).outcome.kind).toBe(
      'conflict',
    );
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => decodeKeyState('{}', 1)).toThrow(/no record/);
    expect(() => decodeKeyState('null', 1)).toThrow(/no record/);
    const a = obs('A1 present');
    const future = JSON.stringify({ format: 99, record: a, current: [], conflict: null });
    expect(() => decodeKeyState(future, 1)).toThrow(/format 99/);
  });
});
