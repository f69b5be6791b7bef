// Applying a pulled page: presence record tombstones (retention) by (session, participant), the key
// records are stored under, where a queued change and a record pulled after the removal survive;
// what a page writes over the rows it finds; and a first sync's page, which reads only queued rows.
import 'fake-indexeddb/auto';
import { uuidv7, type PresenceRecord } from '@rollcall/shared';
import { describe, expect, it, vi } from 'vitest';
import { RollcallDb, type LocalRecord } from '../db/db.ts';
import { recordPresence } from '../db/record.ts';
import { applyPullPage } from './apply-pull.ts';
import { pullPage } from './test-fakes.ts';

const page = pullPage;
const local = (sessionId: string, participantId: string, pending = false): LocalRecord => ({
  sessionId,
  participantId,
  state: 'present',
  method: 'qr',
  recordedAt: '2023-01-01T10:00:00.000Z',
  recordedBy: 'u',
  deviceId: 'd',
  version: 1,
  hasConflict: false,
  conflictId: null,
  pending,
});
const removed = (sessionId: string, participantId: string) => ({
  entity: 'presenceRecord' as const,
  id: uuidv7(),
  sessionId,
  participantId,
});

describe('applying removed records', () => {
  it('drops pulled records, keeps a queued one and one pulled again after the removal', async () => {
    const db = new RollcallDb(`apply-pull-${uuidv7()}`);
    const [s, other] = [uuidv7(), uuidv7()];
    const [a, b, c, d] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await db.records.bulkPut([local(s, a), local(s, b, true), local(s, c), local(other, a)]);
    const again: PresenceRecord = {
      id: uuidv7(),
      ...local(s, c),
      state: 'late',
      version: 1,
      updatedAt: '2026-11-22T09:00:00.000Z',
    };
    await applyPullPage(
      db,
      page({
        presenceRecords: [again],
        tombstones: [
          removed(s, a),
          removed(s, b),
          removed(s, c),
          removed(s, d), // never on this device
          { entity: 'presenceRecord', id: uuidv7() }, // from a server that sends no key
        ],
      }),
    );
    const left = await db.records.toArray();
    expect(left.map((r) => [r.sessionId, r.participantId, r.state]).sort()).toEqual(
      [
        [s, b, 'present'],
        [s, c, 'late'],
        [other, a, 'present'],
      ].sort(),
    );
    expect(await db.meta.get('cursor')).toEqual({ key: 'cursor', value: 'e.1' });
    db.close();
  });
});

describe('applying a departure another device recorded', () => {
  it('takes the time left even though the record keeps its version', async () => {
    const db = new RollcallDb(`apply-pull-${uuidv7()}`);
    const [s, p] = [uuidv7(), uuidv7()];
    await db.records.put(local(s, p));
    const { pending: _pending, ...same } = local(s, p);
    const leftAt = '2023-01-01T11:30:00.000Z';
    await applyPullPage(
      db,
      page({
        presenceRecords: [{ id: uuidv7(), ...same, leftAt, updatedAt: '2023-01-01T11:30:01.000Z' }],
      }),
    );
    expect(await db.records.get([s, p])).toMatchObject({ version: 1, leftAt, pending: false });
    db.close();
  });
});

describe('applying the pushes of this device coming back', () => {
  it('writes no record it already holds at the same version, and writes the ones that moved', async () => {
    const db = new RollcallDb(`apply-pull-own-${uuidv7()}`);
    const s = uuidv7();
    const mine = Array.from({ length: 50 }, () => local(s, uuidv7()));
    await db.records.bulkPut(mine);
    const back = (r: LocalRecord, over: Partial<PresenceRecord> = {}): PresenceRecord => ({
      id: uuidv7(),
      ...r,
      updatedAt: '2026-11-22T09:00:00.000Z',
      ...over,
    });
    const put = vi.spyOn(db.records, 'bulkPut');
    const moved = back(mine[0]!, { version: 2, state: 'late' });
    await applyPullPage(
      db,
      page({ presenceRecords: [moved, ...mine.slice(1).map((r) => back(r))] }),
    );
    expect(put.mock.calls.map(([rows]) => rows.map((r) => r.participantId))).toEqual([
      [mine[0]!.participantId],
    ]);
    expect((await db.records.get([s, mine[0]!.participantId]))?.state).toBe('late');
    db.close();
  });
});

describe('applying a page of a first sync', () => {
  const who = { deviceId: 'device-a', userId: 'u', now: () => Date.parse('2026-11-22T09:00:00Z') };
  const fromServer = (r: LocalRecord, over: Partial<PresenceRecord> = {}): PresenceRecord => ({
    id: uuidv7(),
    ...r,
    deviceId: 'device-b',
    updatedAt: '2026-11-22T09:00:00.000Z',
    ...over,
  });

  it('reads only the records a change is queued for, and keeps their queued values', async () => {
    const db = new RollcallDb(`apply-pull-fresh-${uuidv7()}`);
    const [s, queued, held, fresh] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await recordPresence(db, who, {
      sessionId: s,
      participantId: queued,
      state: 'late',
      method: 'qr',
    });
    await db.records.put(local(s, held)); // an earlier page's row, pulled again at a new version
    const get = vi.spyOn(db.records, 'bulkGet');
    await applyPullPage(
      db,
      page({
        presenceRecords: [
          fromServer(local(s, queued), { state: 'absent', hasConflict: true, conflictId: 'c1' }),
          fromServer(local(s, held), { version: 2, state: 'excused' }),
          fromServer(local(s, fresh)),
        ],
      }),
      { fresh: true },
    );
    expect(get.mock.calls.map(([keys]) => keys)).toEqual([[[s, queued]]]);
    const rows = new Map((await db.records.toArray()).map((r) => [r.participantId, r]));
    expect(rows.get(queued)).toMatchObject({ state: 'late', pending: true, hasConflict: true });
    expect(rows.get(held)).toMatchObject({ state: 'excused', version: 2, pending: false });
    expect(rows.get(fresh)).toMatchObject({ state: 'present', pending: false });
    db.close();
  });
});
