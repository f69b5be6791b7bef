// The push contract on every dialect: per-change results, exactly-once, isolation of bad changes.
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

describe.each(dialects)('push on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  let ben: Device;
  let session: string;
  let people: string[];
  beforeAll(async () => {
    h = await createHarness(dialect);
    ana = await login(h.app, 'usher1@demo.rollcall.test');
    ben = await login(h.app, 'usher2@demo.rollcall.test');
    session = h.demo.sessions[0]!.id;
    people = h.demo.participants.map((p) => p.id);
  });
  afterAll(() => h.close());

  const count = async (table: 'changes' | 'presence_records' | 'sync_conflicts') =>
    Number(
      (
        await h.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('applies each change and answers one result per change, in order', async () => {
    const changes = [0, 1, 2].map((i) =>
      change(ana, h.clock.now(), { sessionId: session, participantId: people[i]! }),
    );
    const res = await push(h.app, ana, changes);
    expect(res.statusCode).toBe(200);
    expect(res.results.map((r) => [r.index, r.changeId, r.status, r.version])).toEqual(
      changes.map((c, i) => [i, c.changeId, 'applied', 1]),
    );
    const { records } = await pullAll(h.app, ana);
    expect(
      records.filter(
        (r) => r.sessionId === session && people.slice(0, 3).includes(r.participantId),
      ),
    ).toHaveLength(3);
  });

  it('returns the stored results for a replayed batch and applies nothing twice', async () => {
    const changes = [3, 4].map((i) =>
      change(ana, h.clock.now(), { sessionId: session, participantId: people[i]! }),
    );
    const first = await push(h.app, ana, changes);
    const before = { changes: await count('changes'), records: await count('presence_records') };
    const again = await push(h.app, ana, changes);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.results.map((r) => r.original?.status)).toEqual(
      first.results.map((r) => r.status),
    );
    expect(again.results.map((r) => r.version)).toEqual(first.results.map((r) => r.version));
    expect({ changes: await count('changes'), records: await count('presence_records') }).toEqual(
      before,
    );
  });

  it('treats the same change twice in one batch as one', async () => {
    const c = change(ana, h.clock.now(), { sessionId: session, participantId: people[5]! });
    const res = await push(h.app, ana, [c, c]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(res.results[1]!.original?.status).toBe('applied');
  });

  it('rejects a bad change alone, with a reason, and applies the rest of the batch', async () => {
    const good = change(ana, h.clock.now(), { sessionId: session, participantId: people[6]! });
    const foreignSession = change(ana, h.clock.now(), {
      sessionId: h.other.sessions[0]!.id,
      participantId: people[7]!,
    });
    const foreignPerson = change(ana, h.clock.now(), {
      sessionId: session,
      participantId: h.other.participants[0]!.id,
    });
    const badState = change(ana, h.clock.now(), {
      sessionId: session,
      participantId: people[8]!,
      state: 'teleported',
    });
    const malformed = { changeId: 'nope', kind: 'presence.set' };
    const good2 = change(ana, h.clock.now(), { sessionId: session, participantId: people[9]! });
    const res = await push(h.app, ana, [
      good,
      foreignSession,
      foreignPerson,
      badState,
      malformed,
      good2,
    ]);
    expect(res.results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(res.results.map((r) => r.code)).toEqual([
      undefined,
      'unknown_session',
      'unknown_participant',
      'unknown_state',
      'invalid_change',
      undefined,
    ]);
    expect(res.results[4]!.reason).toMatch(/changeId/);
    expect(res.results[1]!.reason).toMatch(/does not exist in your organization/);
    const history = await h.db.kysely
      .selectFrom('sync_history')
      .selectAll()
      .where('id', '=', res.historyId)
      .executeTakeFirstOrThrow();
    expect([history.received, history.applied, history.rejected, history.status]).toEqual([
      6,
      2,
      4,
      'partial',
    ]);
    const kept = await h.db.kysely
      .selectFrom('sync_rejections')
      .select(['change_index', 'code'])
      .where('history_id', '=', res.historyId)
      .orderBy('change_index')
      .execute();
    expect(kept.map((k) => k.change_index)).toEqual([1, 2, 3, 4]);
  });

  it('merges agreeing records from two devices without a conflict', async () => {
    const p = people[10]!;
    const a = await push(h.app, ana, [
      change(ana, h.clock.now(), { sessionId: session, participantId: p }),
    ]);
    h.clock.advance(60_000);
    const b = await push(h.app, ben, [
      change(ben, h.clock.now(), { sessionId: session, participantId: p, method: 'code' }),
    ]);
    expect(a.results[0]!.status).toBe('applied');
    expect(b.results[0]!.status).toBe('merged');
    const { records } = await pullAll(h.app, ben);
    const rec = records.find((r) => r.participantId === p)!;
    expect(rec.hasConflict).toBe(false);
    expect(rec.method).toBe('qr'); // the earliest arrival is kept
  });

  it('opens one conflict when two devices disagree, keeps the record and flags it', async () => {
    const p = people[11]!;
    const conflictsBefore = await count('sync_conflicts');
    await push(h.app, ana, [
      change(ana, h.clock.now(), { sessionId: session, participantId: p, state: 'present' }),
    ]);
    h.clock.advance(1000);
    const b = await push(h.app, ben, [
      change(ben, h.clock.now(), {
        sessionId: session,
        participantId: p,
        state: 'absent',
        method: 'manual',
      }),
    ]);
    expect(b.results[0]!.status).toBe('conflict');
    expect(b.results[0]!.conflictId).toBeTruthy();
    expect(await count('sync_conflicts')).toBe(conflictsBefore + 1);
    const { records } = await pullAll(h.app, ana);
    const rec = records.find((r) => r.participantId === p)!;
    expect([rec.state, rec.hasConflict, rec.conflictId]).toEqual([
      'present',
      true,
      b.results[0]!.conflictId,
    ]);
  });

  it('never makes a conflict of a device with its own later edit', async () => {
    const p = people[12]!;
    const first = change(ana, h.clock.now(), {
      sessionId: session,
      participantId: p,
      state: 'present',
    });
    const second = change(ana, h.clock.now() + 1000, {
      sessionId: session,
      participantId: p,
      state: 'late',
    });
    const res = await push(h.app, ana, [first, second]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { records } = await pullAll(h.app, ana);
    expect(records.find((r) => r.participantId === p)).toMatchObject({
      state: 'late',
      hasConflict: false,
    });
  });

  it('applies a change made on top of the version the device saw', async () => {
    const p = people[13]!;
    const a = await push(h.app, ana, [
      change(ana, h.clock.now(), { sessionId: session, participantId: p, state: 'present' }),
    ]);
    const b = await push(h.app, ben, [
      change(ben, h.clock.now(), {
        sessionId: session,
        participantId: p,
        state: 'excused',
        baseVersion: a.results[0]!.version!,
      }),
    ]);
    expect(b.results[0]).toMatchObject({ status: 'applied', version: 2 });
  });

  it('creates a participant offline and records them in the same batch', async () => {
    const id = '01937a4e-0000-7000-8000-00000000abcd';
    const create = change(ana, h.clock.now(), {
      kind: 'participant.create',
      participantId: id,
      participant: { firstName: 'New', lastName: 'Comer' },
    });
    delete (create as { state?: string }).state;
    delete (create as { method?: string }).method;
    const mark = change(ana, h.clock.now(), { sessionId: session, participantId: id });
    const res = await push(h.app, ana, [create, mark]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { participants } = await pullAll(h.app, ana);
    const created = participants.find((x) => x.id === id)!;
    expect(created.personalCode).toMatch(/^\d{5}$/);
    expect(created.qrToken.length).toBeGreaterThan(10);
  });

  it('refuses a manager recording attendance, per change', async () => {
    const mia = await login(h.app, 'manager@demo.rollcall.test');
    const res = await push(h.app, mia, [
      change(mia, h.clock.now(), { sessionId: session, participantId: people[14]! }),
    ]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });
});
