// Table tests for the client's merge, in the spirit of @rollcall/conflict's test notation: a
// record is 'A v1 present pending conflict left@30' (recorded by device A, server version 1, state
// present ('-' is cleared), a change still queued here, flagged as a conflict, checked out at
// minute 30). 'none' is no record on the device; 'unchanged' means the stored row is not written.
import type { ChangeResult, PresenceRecord } from '@rollcall/shared';
import { describe, expect, it } from 'vitest';
import type { LocalRecord } from '../db/db.ts';
import { dropsOnRemoval, mergePulled, settledRecord } from './merge-record.ts';

const at = (minute: number) => `2026-11-22T09:${String(minute).padStart(2, '0')}:00.000Z`;

function rec(spec: string): LocalRecord {
  const [device = '', version = 'v0', state = '', ...flags] = spec.trim().split(/\s+/);
  const left = flags.find((f) => f.startsWith('left@'));
  const conflict = flags.includes('conflict');
  return {
    sessionId: 's',
    participantId: 'p',
    state: state === '-' ? null : state,
    method: 'qr',
    recordedAt: at(1),
    recordedBy: `user-${device}`,
    deviceId: device,
    version: Number(version.slice(1)),
    hasConflict: conflict,
    conflictId: conflict ? 'c1' : null,
    ...(left ? { leftAt: at(Number(left.slice(5))) } : {}),
    pending: flags.includes('pending'),
  };
}

const local = (spec: string) => (spec === 'none' ? undefined : rec(spec));

function pulled(spec: string): PresenceRecord {
  const { pending: _pending, leftAt, ...r } = rec(spec);
  return { id: 'r1', ...r, leftAt: leftAt ?? null, updatedAt: at(59) };
}

/** Back to the notation, so a case reads as one line and a failure shows what was stored. */
function show(r: LocalRecord | null): string {
  if (!r) return 'unchanged';
  if (r.hasConflict !== (r.conflictId !== null)) throw new Error('conflict flag without its id');
  const minute = r.leftAt ? ` left@${Number(r.leftAt.slice(14, 16))}` : '';
  const flags = `${r.pending ? ' pending' : ''}${r.hasConflict ? ' conflict' : ''}${minute}`;
  return `${r.deviceId} v${r.version} ${r.state ?? '-'}${flags}`;
}

describe('a pulled record against the device copy', () => {
  it.each([
    // [case, device copy, pulled, stored]
    ['a record new to the device is taken', 'none', 'B v1 present', 'B v1 present'],
    ['a newer version replaces the copy', 'A v1 present', 'B v2 absent', 'B v2 absent'],
    ['a clear pulled clears the copy', 'A v1 present', 'B v2 -', 'B v2 -'],
    ['our own push coming back is not written', 'A v1 present', 'A v1 present', 'unchanged'],
    [
      'a conflict flag at the same version is learnt',
      'A v1 present',
      'A v1 present conflict',
      'A v1 present conflict',
    ],
    ['a resolved conflict drops the flag', 'A v1 present conflict', 'B v2 present', 'B v2 present'],
    [
      'a departure pulled without a version change is taken',
      'A v1 present',
      'B v1 present left@30',
      'B v1 present left@30',
    ],
    [
      'a departure already known is not written',
      'A v1 present left@30',
      'A v1 present left@30',
      'unchanged',
    ],
    [
      'a return after a departure drops the time left',
      'A v1 present left@30',
      'B v2 present',
      'B v2 present',
    ],
    [
      'a queued change keeps its values over a newer version',
      'A v1 late pending',
      'B v2 absent',
      'A v1 late pending',
    ],
    [
      'a queued change learns the conflict flag',
      'A v1 late pending',
      'B v2 absent conflict',
      'A v1 late pending conflict',
    ],
    [
      'a queued change learns a resolved conflict',
      'A v1 late pending conflict',
      'B v2 absent',
      'A v1 late pending',
    ],
    [
      'a queued departure keeps its time left',
      'A v1 present pending left@30',
      'B v1 present',
      'A v1 present pending left@30',
    ],
    [
      'a queued change equal to the pulled one stays queued',
      'A v1 present pending',
      'A v1 present',
      'A v1 present pending',
    ],
  ])('%s', (_case, mine, theirs, stored) => {
    expect(show(mergePulled(local(mine), pulled(theirs)))).toBe(stored);
  });
});

describe('a retention tombstone against the device copy', () => {
  it.each([
    // [case, device copy, removed?]
    ['a synced record is removed', 'A v1 present', true],
    ['a record in conflict is removed', 'A v1 present conflict', true],
    ['a queued change survives', 'A v1 present pending', false],
    ['a queued departure survives', 'A v1 present pending left@30', false],
    ['nothing on the device: nothing to remove', 'none', false],
  ])('%s', (_case, mine, removed) => {
    expect(dropsOnRemoval(local(mine))).toBe(removed);
  });
});

// A result is 'applied v1', 'conflict v2' (with conflict id c2), 'duplicate v2 first=conflict'
// (the first delivery's result), 'merged' (no version), or 'rejected'.
function result(spec: string): ChangeResult | null {
  const [status = '', ...rest] = spec.trim().split(/\s+/);
  if (status === 'rejected') return null; // the outbox keeps a rejection; the record gets none
  const version = rest.find((t) => /^v\d+$/.test(t));
  const first = rest.find((t) => t.startsWith('first='))?.slice(6);
  const conflicted = status === 'conflict' || first === 'conflict';
  return {
    index: 0,
    changeId: 'A-1',
    status: status as ChangeResult['status'],
    ...(version ? { version: Number(version.slice(1)) } : {}),
    ...(conflicted ? { conflictId: 'c2' } : {}),
    ...(first ? { original: { status: first as 'conflict' } } : {}),
  };
}

describe('settling a record by the result of its last queued change', () => {
  it.each([
    // [case, device copy, result, stored]
    ['applied takes the server version', 'A v0 present pending', 'applied v1', 'A v1 present'],
    ['a conflict is flagged', 'A v0 present pending', 'conflict v1', 'A v1 present conflict'],
    [
      'a duplicate whose first delivery conflicted is flagged',
      'A v0 present pending',
      'duplicate v2 first=conflict',
      'A v2 present conflict',
    ],
    [
      'a merge keeps a flag the device already shows',
      'A v1 present pending conflict',
      'merged v1',
      'A v1 present conflict',
    ],
    ['a result without a version keeps the base', 'A v0 present pending', 'merged', 'A v0 present'],
    [
      'a checkout applied keeps its time left',
      'A v1 present pending left@30',
      'applied v1',
      'A v1 present left@30',
    ],
    ['a rejection only stops the waiting', 'A v1 late pending', 'rejected', 'A v1 late'],
  ])('%s', (_case, mine, answer, stored) => {
    expect(show(settledRecord(rec(mine), result(answer)))).toBe(stored);
  });

  it('takes the conflict id the server gave', () => {
    expect(settledRecord(rec('A v0 present pending'), result('conflict v1'))).toMatchObject({
      hasConflict: true,
      conflictId: 'c2',
    });
  });
});
