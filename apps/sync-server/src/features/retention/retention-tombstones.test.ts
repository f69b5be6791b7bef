// Retention and devices: a device that pulled attendance which retention later removes must hear
// that it is gone, by (session, participant), the key it stores records under.
import { uuidv7, type Tombstone } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  change,
  createHarness,
  login,
  pullAll,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';
import type { ChangeNotice } from '../sync/notifier.ts';
import { applyRetention } from './retention.service.ts';

const OLD = '2022-10-01T10:00:00.000Z'; // more than the default 3 years before the harness clock

describe.each(dialects)('retention tombstones on %s', (dialect) => {
  let h: Harness;
  let usher: Device;
  const S = { old: uuidv7(), kept: uuidv7() };
  let people: string[];
  let cursor: string;

  const session = (id: string, start: string) =>
    h.db.kysely
      .insertInto('sessions')
      .values({
        id,
        organization_id: h.demo.organizationId,
        name: 'Old',
        location: null,
        scheduled_start: start,
        scheduled_end: start,
        actual_start: null,
        actual_end: null,
        status: 'completed',
        late_after_minutes: null,
        updated_at: start,
        seq: 0,
      })
      .execute();
  const purged = (pages: { tombstones: Tombstone[] }[]) =>
    pages.flatMap((p) => p.tombstones).filter((t) => t.entity === 'presenceRecord');

  beforeAll(async () => {
    h = await createHarness(dialect);
    usher = await login(h.app, 'usher1@demo.rollcall.test');
    people = h.demo.participants.slice(0, 3).map((p) => p.id);
    await session(S.old, OLD);
    await session(S.kept, '2025-06-01T10:00:00.000Z');
    const today = h.clock.now();
    h.clock.set(Date.parse(OLD) + 3600_000);
    const pushed = await push(h.app, usher, [
      ...people.map((p) => change(usher, h.clock.now(), { sessionId: S.old, participantId: p })),
      change(usher, h.clock.now(), { sessionId: S.kept, participantId: people[0]! }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(Array(4).fill('applied'));
    h.clock.set(today);
    const pulled = await pullAll(h.app, usher);
    expect(pulled.records.filter((r) => r.sessionId === S.old)).toHaveLength(3);
    cursor = pulled.cursor;
  });
  afterAll(() => h.close());

  it('writes a tombstone per removed record, with its session and participant, and tells devices to pull', async () => {
    const heard: ChangeNotice[] = [];
    const stop = h.ctx.notifier.subscribe(h.demo.organizationId, (n) => heard.push(n));
    const [grace] = (await applyRetention(h.db, h.clock.now(), h.ctx.notifier)).filter(
      (r) => r.organizationId === h.demo.organizationId,
    );
    expect(grace!.removed.presenceRecords).toBe(3);
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(heard).toEqual([{ organizationId: h.demo.organizationId, seq: 0, sessionIds: [] }]);

    // One row per page: every tombstone has its own place in commit order, none is skipped.
    const after = await pullAll(h.app, usher, cursor, 1);
    const gone = purged(after.pages);
    expect(gone.map((t) => [t.sessionId, t.participantId]).sort()).toEqual(
      people.map((p) => [S.old, p]).sort(),
    );
    expect(gone.every((t) => typeof t.id === 'string')).toBe(true);
    expect(after.records).toEqual([]);
  });

  it('keeps the rest, writes nothing more when run again, and a fresh device learns the same', async () => {
    const before = await pullAll(h.app, usher);
    expect(before.records.map((r) => r.sessionId)).toEqual([S.kept]);
    expect(purged(before.pages)).toHaveLength(3);
    await applyRetention(h.db, h.clock.now(), h.ctx.notifier);
    const again = await pullAll(h.app, usher, before.cursor);
    expect(purged(again.pages)).toEqual([]);
  });
});
