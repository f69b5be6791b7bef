import { describe, expect, it } from 'vitest';
import { compileValidator } from '../validate.ts';
import { canonicalChange, ChangeSchema, normalizeChange, type Change } from './change.ts';

const base: Change = {
  changeId: '01937A4E-0000-7000-8000-00000000ABCD',
  deviceSeq: 3,
  kind: 'participant.create',
  participantId: '01937A4E-0000-7000-8000-00000000BEEF',
  recordedAt: '2026-11-22T09:30:00.000Z',
  hlc: '001764000000000-00000-node',
  baseVersion: 0,
  participant: {
    firstName: 'A',
    lastName: 'B',
    groupIds: ['01937A4E-0000-7000-8000-0000000000AA'],
  },
};

describe('a change', () => {
  it('normalizes ids to lower case, the node id of the clock untouched', () => {
    const n = normalizeChange(base);
    expect([n.changeId, n.participantId, n.participant!.groupIds![0]]).toEqual([
      base.changeId.toLowerCase(),
      base.participantId.toLowerCase(),
      '01937a4e-0000-7000-8000-0000000000aa',
    ]);
    expect(n.hlc).toBe(base.hlc);
  });

  it('has one canonical text whatever the field order or id case, and another for other content', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as Change;
    expect(canonicalChange(reordered)).toBe(canonicalChange(normalizeChange(base)));
    expect(canonicalChange({ ...base, deviceSeq: 4 })).not.toBe(canonicalChange(base));
  });

  it('refuses what the databases cannot store: U+0000 in text, integers beyond 32 bits', () => {
    const check = compileValidator(ChangeSchema);
    expect(check(base).ok).toBe(true);
    const nul = { ...base, participant: { ...base.participant, lastName: 'x\u0000' } };
    expect(check(nul).ok).toBe(false);
    expect(check({ ...base, deviceSeq: 2 ** 31 }).ok).toBe(false);
    expect(check({ ...base, deviceSeq: 2 ** 31 - 1 }).ok).toBe(true);
  });
});

describe('the change schema', () => {
  const check = compileValidator(ChangeSchema);
  const presence = {
    changeId: '01937a4e-0000-7000-8000-00000000abcd',
    deviceSeq: 1,
    sessionId: '01937a4e-0000-7000-8000-0000000000aa',
    participantId: '01937a4e-0000-7000-8000-00000000beef',
    recordedAt: '2026-11-22T09:30:00.000Z',
    hlc: '001764000000000-00000-node',
    baseVersion: 0,
  };

  it('requires what each kind needs', () => {
    const { sessionId: _s, ...sessionless } = presence;
    expect(check({ ...presence, kind: 'presence.set', state: 'present', method: 'qr' }).ok).toBe(
      true,
    );
    expect(check({ ...presence, kind: 'presence.set', method: 'qr' }).ok).toBe(false);
    expect(check({ ...presence, kind: 'presence.set', state: 'present' }).ok).toBe(false);
    expect(check({ ...sessionless, kind: 'presence.clear' }).ok).toBe(false);
    expect(check({ ...sessionless, kind: 'presence.checkout' }).ok).toBe(false);
    expect(check({ ...presence, kind: 'presence.checkout', state: 'present' }).ok).toBe(false);
    expect(check({ ...base, participant: undefined }).ok).toBe(false);
  });

  it('still accepts every change an older device could store (unused fields ignored)', () => {
    expect(check({ ...presence, kind: 'presence.clear' }).ok).toBe(true);
    expect(check({ ...presence, kind: 'presence.clear', state: 'present', method: 'qr' }).ok).toBe(
      true,
    );
    expect(check({ ...presence, kind: 'presence.checkout', method: 'qr' }).ok).toBe(true);
    expect(check({ ...base, sessionId: presence.sessionId, state: 'x', method: 'qr' }).ok).toBe(
      true,
    );
  });
});
