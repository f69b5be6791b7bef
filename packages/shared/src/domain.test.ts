import { describe, expect, it } from 'vitest';
import { formatBadgePayload, parseBadgePayload, can } from './domain.ts';
import { compileValidator } from './validate.ts';
import { ChangeSchema } from './protocol/change.ts';
import { uuidv7 } from './ids.ts';

describe('badge payload', () => {
  it('round-trips an organization and a token', () => {
    const text = formatBadgePayload('org-1', 'tok_ABC');
    expect(parseBadgePayload(text)).toEqual({
      ok: true,
      organizationId: 'org-1',
      qrToken: 'tok_ABC',
    });
  });
  it.each(['', 'hello', 'rollcall:1:', 'rollcall:1:org', 'rollcall:2:o:t', 'rollcall:1:o:t:x'])(
    'refuses %j',
    (text) => expect(parseBadgePayload(text).ok).toBe(false),
  );
});

describe('roles', () => {
  it('lets only admins resolve and keeps managers read-only', () => {
    expect(can.resolveConflicts('admin')).toBe(true);
    expect(can.resolveConflicts('manager')).toBe(false);
    expect(can.recordPresence('manager')).toBe(false);
    expect(can.recordPresence('temp_usher')).toBe(true);
  });
});

describe('change validation', () => {
  const check = compileValidator(ChangeSchema);
  const good = {
    changeId: uuidv7(),
    deviceSeq: 1,
    kind: 'presence.set',
    sessionId: uuidv7(),
    participantId: uuidv7(),
    state: 'present',
    method: 'qr',
    recordedAt: '2026-11-23T09:02:00.000Z',
    hlc: '001763888520000-00000-dev1',
    baseVersion: 0,
  };
  it('accepts a well-formed change', () => expect(check(good).ok).toBe(true));
  it('names the field and the problem', () => {
    const r = check({ ...good, recordedAt: 'yesterday', deviceSeq: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('/recordedAt');
    expect(paths).toContain('/deviceSeq');
  });
  it('refuses unknown fields', () => {
    const r = check({ ...good, admin: true });
    expect(r.ok).toBe(false);
  });
});
