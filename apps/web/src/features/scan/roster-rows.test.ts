import { describe, expect, it } from 'vitest';
import type { LocalRecord } from '../../db/db.ts';
import { rowRecords } from './roster-rows.ts';

const record = (participantId: string, over: Partial<LocalRecord> = {}): LocalRecord => ({
  sessionId: 's1',
  participantId,
  state: 'present',
  method: 'qr',
  recordedAt: '2026-12-01T09:00:00.000Z',
  recordedBy: 'u1',
  deviceId: 'd1',
  version: 0,
  hasConflict: false,
  conflictId: null,
  pending: true,
  ...over,
});

// The store hands back new objects for every record after each write, as Dexie does.
const reread = (rs: LocalRecord[]) => rs.map((r) => ({ ...r }));

describe('rowRecords', () => {
  it('keeps every row but the scanned person’s as the same object after a scan', () => {
    const before = Array.from({ length: 200 }, (_, i) => record(`p${i}`));
    const first = rowRecords(before, new Map());
    const after = rowRecords([...reread(before), record('p200')], first);
    for (let i = 0; i < 200; i++) expect(after.get(`p${i}`)).toBe(first.get(`p${i}`));
    expect(after.get('p200')).toMatchObject({ state: 'present', pending: true });
  });

  it('gives a new row when what the row shows changes', () => {
    const first = rowRecords([record('a'), record('b'), record('c'), record('d')], new Map());
    const after = rowRecords(
      [
        record('a', { state: 'late' }),
        record('b', { pending: false }),
        record('c', { hasConflict: true }),
        record('d', { leftAt: '2026-12-01T10:00:00.000Z' }),
      ],
      first,
    );
    for (const id of ['a', 'b', 'c', 'd']) expect(after.get(id)).not.toBe(first.get(id));
    expect(after.get('a')?.state).toBe('late');
    expect(after.get('d')?.leftAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('reads a missing leftAt as null, and drops a person whose record is gone', () => {
    const first = rowRecords([record('a'), record('b')], new Map());
    const after = rowRecords([record('a', { leftAt: null })], first);
    expect(after.get('a')).toBe(first.get('a'));
    expect(after.has('b')).toBe(false);
  });
});
