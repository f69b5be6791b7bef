// Nothing lost, nothing doubled: changes that used to fail a whole push (poison), a change id or a
// device seq used twice, and ids that differ only in case. Each bad change is answered alone.
import { PROTOCOL_VERSION, uuidv7, type Change } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  pullAll,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('push integrity on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  let ben: Device;
  let session: string;
  let people: string[];
  beforeAll(async () => {
    h = await createHarness(dialect, { participants: 40 });
    ana = await login(h.app, 'usher1@demo.rollcall.test');
    ben = await login(h.app, 'usher2@demo.rollcall.test');
    session = h.demo.sessions[0]!.id;
    people = h.demo.participants.map((p) => p.id);
  });
  afterAll(() => h.close());

  const mark = (d: Device, i: number, input: Partial<Change> = {}) =>
    change(d, h.clock.now(), { sessionId: session, participantId: people[i]!, ...input });
  const create = (d: Device, id: string, participant: Change['participant']) => {
    const c = change(d, h.clock.now(), {
      kind: 'participant.create',
      participantId: id,
      participant,
    });
    delete (c as { state?: string }).state;
    delete (c as { method?: string }).method;
    return c;
  };
  const participantsWithId = async (id: string) =>
    h.db.kysely
      .selectFrom('participants')
      .select(['id', 'organization_id', 'first_name'])
      .where('id', 'in', [id.toLowerCase(), id.toUpperCase()])
      .execute();
  const recordOf = async (i: number) => {
    const { records } = await pullAll(h.app, ana);
    return records.find((r) => r.sessionId === session && r.participantId === people[i]);
  };

  describe('poison changes are rejected alone (item 8)', () => {
    it('refuses a change missing its kind’s own field alone, saying which (issue 15)', async () => {
      const noState = mark(ana, 30);
      delete (noState as { state?: string }).state;
      const noMethod = mark(ana, 31);
      delete (noMethod as { method?: string }).method;
      const noSession = { ...mark(ana, 32), kind: 'presence.clear' };
      delete (noSession as { sessionId?: string }).sessionId;
      const noPerson = create(ana, uuidv7(h.clock.now()), undefined);
      const unknownKind = { ...mark(ana, 33), kind: 'presence.teleport', deviceSeq: 0 };
      const good = mark(ana, 34);
      const res = await push(h.app, ana, [
        noState,
        noMethod,
        noSession,
        noPerson,
        unknownKind,
        good,
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ...Array.from({ length: 5 }, () => ['rejected', 'invalid_change']),
        ['applied', undefined],
      ]);
      expect(res.results.map((r) => r.reason)).toEqual([
        'presence.set needs a state',
        'presence.set needs a method',
        'presence.clear needs a sessionId',
        'participant.create needs a participant',
        expect.stringMatching(/\/kind: Expected one of presence\.set.*\/deviceSeq/),
        undefined,
      ]);
    });

    it('rejects a participant.create whose externalKey is in use, and applies the rest', async () => {
      const taken = h.demo.participants[0]!;
      const takenKey = (
        await h.db.kysely
          .selectFrom('participants')
          .select('external_key')
          .where('id', '=', taken.id)
          .executeTakeFirstOrThrow()
      ).external_key!;
      const before = mark(ana, 0);
      const clash = create(ana, uuidv7(h.clock.now()), {
        firstName: 'Same',
        lastName: 'Key',
        externalKey: takenKey,
      });
      const after = mark(ana, 1);
      const res = await push(h.app, ana, [before, clash, after]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(res.results[1]).toMatchObject({ code: 'external_key_taken' });
      expect(res.results[1]!.reason).toMatch(/external key/i);
      expect(await participantsWithId(clash.participantId)).toEqual([]);
    });

    it('rejects two creations with the same new externalKey in one batch: the second alone', async () => {
      const key = `K-${Date.now()}`;
      const a = create(ana, uuidv7(h.clock.now()), {
        firstName: 'A',
        lastName: 'A',
        externalKey: key,
      });
      const b = create(ana, uuidv7(h.clock.now()), {
        firstName: 'B',
        lastName: 'B',
        externalKey: key,
      });
      const res = await push(h.app, ana, [a, b, mark(ana, 2)]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['applied', undefined],
        ['rejected', 'external_key_taken'],
        ['applied', undefined],
      ]);
    });

    it('rejects a participant.create with an id of another organization like any id clash', async () => {
      const foreign = h.other.participants[0]!.id;
      const own = people[3]!;
      const res = await push(h.app, ana, [
        create(ana, foreign, { firstName: 'Not', lastName: 'Mine' }),
        create(ana, own, { firstName: 'Already', lastName: 'Here' }),
        mark(ana, 4),
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'participant_exists'],
        ['rejected', 'participant_exists'],
        ['applied', undefined],
      ]);
      // The answer for another organization's id is the same as for our own: nothing revealed.
      expect(res.results[0]!.reason).toBe(res.results[1]!.reason);
      expect(res.results[0]!.reason).not.toMatch(/organization/i);
      const rows = await participantsWithId(foreign);
      expect(rows.map((r) => r.organization_id)).toEqual([h.other.organizationId]);
    });

    it('creates a participant whose groupIds name a group twice (or in two cases) once', async () => {
      const group = h.demo.groups[0]!;
      const c = create(ana, uuidv7(h.clock.now()), {
        firstName: 'Twice',
        lastName: 'Grouped',
        groupIds: [group, group, group.toUpperCase()],
      });
      const res = await push(h.app, ana, [c, mark(ana, 22)]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const memberships = await h.db.kysely
        .selectFrom('group_memberships')
        .select('group_id')
        .where('participant_id', '=', c.participantId)
        .execute();
      expect(memberships.map((m) => m.group_id)).toEqual([group]);
    });

    it('rejects strings holding U+0000 per change, on every database', async () => {
      const nulName = create(ana, uuidv7(h.clock.now()), { firstName: 'A\u0000B', lastName: 'C' });
      const nulState = mark(ana, 5, { state: 'pre\u0000sent' });
      const good = mark(ana, 6);
      const res = await push(h.app, ana, [nulName, nulState, good]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'invalid_change'],
        ['rejected', 'invalid_change'],
        ['applied', undefined],
      ]);
      expect(res.results[0]!.reason).toMatch(/firstName/);
      expect(res.results[1]!.reason).toMatch(/state/);
    });

    it('rejects a change id holding U+0000 alone (the rejection is still kept)', async () => {
      const bad = { ...mark(ana, 7), changeId: 'abc\u0000def' };
      const res = await push(h.app, ana, [bad, mark(ana, 8)]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'invalid_change'],
        ['applied', undefined],
      ]);
    });

    it('keeps the rejection of a change whose unknown field name holds U+0000', async () => {
      const bad = { ...mark(ana, 20), 'x\u0000y': 1 };
      const res = await push(h.app, ana, [bad, mark(ana, 21)]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'invalid_change'],
        ['applied', undefined],
      ]);
      const kept = await h.db.kysely
        .selectFrom('sync_rejections')
        .select(['code', 'reason'])
        .where('history_id', '=', res.historyId)
        .execute();
      expect(kept).toHaveLength(1);
      expect(kept[0]!.reason).not.toContain('\u0000');
    });

    it('rejects a deviceSeq or baseVersion beyond 32 bits per change, on every database', async () => {
      const bigSeq = { ...mark(ana, 9), deviceSeq: 2 ** 31 };
      const bigBase = { ...mark(ana, 10), baseVersion: 2 ** 31 };
      const good = mark(ana, 11);
      const res = await push(h.app, ana, [bigSeq, bigBase, good]);
      expect(res.statusCode).toBe(200);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'invalid_change'],
        ['rejected', 'invalid_change'],
        ['applied', undefined],
      ]);
      expect(res.results[0]!.reason).toMatch(/deviceSeq/);
    });

    it('answers a pendingCount beyond 32 bits with a 400 naming the field, never a 500', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/sync/push',
        headers: auth(ana),
        payload: { protocolVersion: PROTOCOL_VERSION, changes: [], pendingCount: 2 ** 31 },
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().details)).toContain('pendingCount');
    });
  });

  describe('a change id names one change (item 9)', () => {
    it('rejects a reused change id with different content instead of calling it a duplicate', async () => {
      const first = mark(ana, 12, { state: 'present' });
      expect((await push(h.app, ana, [first])).results[0]!.status).toBe('applied');
      const other = { ...first, state: 'absent', method: 'manual' as const };
      const res = await push(h.app, ana, [other, mark(ana, 13)]);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'change_id_reused'],
        ['applied', undefined],
      ]);
      expect(res.results[0]!.reason).toMatch(/already used for a different change/);
      expect((await recordOf(12))!.state).toBe('present');
      // The identical change is still a duplicate.
      expect((await push(h.app, ana, [first])).results[0]!.status).toBe('duplicate');
    });

    it('rejects a reused change id with different content within one batch', async () => {
      const first = mark(ana, 14, { state: 'present' });
      const other = { ...first, state: 'late' };
      const res = await push(h.app, ana, [first, other]);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['applied', undefined],
        ['rejected', 'change_id_reused'],
      ]);
      expect((await recordOf(14))!.state).toBe('present');
    });

    it('answers duplicate for the same change with its fields in another order', async () => {
      const first = mark(ana, 15);
      await push(h.app, ana, [first]);
      const reordered = Object.fromEntries(Object.entries(first).reverse());
      expect((await push(h.app, ana, [reordered])).results[0]!.status).toBe('duplicate');
    });

    it('treats an upper-case copy of the ids as the same change, never a second participant', async () => {
      const id = uuidv7(h.clock.now());
      const c = create(ana, id, { firstName: 'Case', lastName: 'Twice' });
      expect((await push(h.app, ana, [c])).results[0]!.status).toBe('applied');
      const upper = { ...c, changeId: c.changeId.toUpperCase(), participantId: id.toUpperCase() };
      const res = await push(h.app, ana, [upper]);
      expect(res.results[0]!.status).toBe('duplicate');
      expect(await participantsWithId(id)).toHaveLength(1);
    });

    it('stores ids in lower case and matches upper-case references to them', async () => {
      const id = uuidv7(h.clock.now()).toUpperCase();
      const c = create(ana, id, { firstName: 'Upper', lastName: 'Case' });
      const m = change(ana, h.clock.now(), {
        sessionId: session.toUpperCase(),
        participantId: id,
      });
      const res = await push(h.app, ana, [c, m]);
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect((await participantsWithId(id)).map((r) => r.id)).toEqual([id.toLowerCase()]);
      const { records } = await pullAll(h.app, ana);
      expect(records.some((r) => r.participantId === id.toLowerCase())).toBe(true);
    });
  });

  describe('a device seq names one change (item 10)', () => {
    it('rejects a second different change with a seq the device already used, in one batch', async () => {
      const a = mark(ana, 16, { state: 'present' });
      const b = { ...mark(ana, 16, { state: 'absent', method: 'manual' }), deviceSeq: a.deviceSeq };
      const res = await push(h.app, ana, [a, b]);
      expect(res.results.map((r) => [r.status, r.code])).toEqual([
        ['applied', undefined],
        ['rejected', 'device_seq_reused'],
      ]);
      expect(res.results[1]!.reason).toMatch(new RegExp(`${a.deviceSeq}`));
      expect((await recordOf(16))!.state).toBe('present');
    });

    it('rejects a change reusing a seq stored by an earlier push; other devices are not affected', async () => {
      const a = mark(ana, 17, { state: 'present' });
      await push(h.app, ana, [a]);
      const b = { ...mark(ana, 18), deviceSeq: a.deviceSeq };
      const onBen = { ...mark(ben, 19), deviceSeq: a.deviceSeq };
      const res = await push(h.app, ana, [b]);
      expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'device_seq_reused' });
      expect((await recordOf(18)) ?? null).toBeNull();
      expect((await push(h.app, ben, [onBen])).results[0]!.status).toBe('applied');
      // Replaying the original change is still a duplicate, not a seq clash.
      expect((await push(h.app, ana, [a])).results[0]!.status).toBe('duplicate');
    });
  });
});
