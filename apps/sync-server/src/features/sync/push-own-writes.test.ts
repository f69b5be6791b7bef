// A push names the pull cursors around the rows it wrote (`ownWrites`) only when the device holds
// those rows as the server does once it settles the results: then the device skips pulling its own
// writes back. Anything the device could only learn by pulling (a conflict, a departure, a row
// another device wrote) keeps the cursors out of the answer.
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

describe.each(dialects)('the rows a push wrote, on %s', (dialect) => {
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

  const set = (device: Device, participantId: string, more: Record<string, unknown> = {}) =>
    change(device, h.clock.now(), { sessionId: session, participantId, ...more });

  it('names cursors around exactly its rows: from `from` a pull brings them, from `to` nothing', async () => {
    const { cursor } = await pullAll(h.app, ana);
    const changes = [0, 1, 2].map((i) => set(ana, people[i]!));
    const res = await push(h.app, ana, changes);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(res.ownWrites?.from).toBe(cursor);

    const between = await pullAll(h.app, ana, res.ownWrites!.from);
    expect(between.records.map((r) => [r.participantId, r.state, r.version]).sort()).toEqual(
      [0, 1, 2].map((i) => [people[i], 'present', 1]).sort(),
    );
    expect(between.cursor).toBe(res.ownWrites!.to);
    const after = await pullAll(h.app, ana, res.ownWrites!.to);
    expect(after.pages.flatMap((p) => [...p.presenceRecords, ...p.participants])).toEqual([]);
  });

  it('still names them when a change in the batch is refused or replayed', async () => {
    const first = set(ana, people[3]!);
    await push(h.app, ana, [first]);
    const res = await push(h.app, ana, [
      first,
      set(ana, people[4]!),
      set(ana, '00000000-0000-7000-8000-000000000000'),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['duplicate', 'applied', 'rejected']);
    const between = await pullAll(h.app, ana, res.ownWrites!.from);
    expect(between.records.map((r) => r.participantId)).toEqual([people[4]]);
  });

  it('names none when nothing was written', async () => {
    const c = set(ana, people[5]!);
    await push(h.app, ana, [c]);
    const again = await push(h.app, ana, [c]);
    expect(again.results[0]!.status).toBe('duplicate');
    expect(again.ownWrites).toBeUndefined();
  });

  it('names none when a change met a conflict, nor when the record it replaced was in one', async () => {
    const who = people[6]!;
    await push(h.app, ana, [set(ana, who, { state: 'present' })]);
    const clash = await push(h.app, ben, [set(ben, who, { state: 'absent' })]);
    expect(clash.results[0]!.status).toBe('conflict');
    expect(clash.ownWrites).toBeUndefined();
    // Ana, informed of the conflict, writes again: whatever the rules answer, the record's
    // conflict flag is news to a device that has not pulled it.
    const version = clash.results[0]!.version!;
    const later = await push(h.app, ana, [set(ana, who, { state: 'late', baseVersion: version })]);
    expect(later.ownWrites).toBeUndefined();
  });

  it('names none for a check-out: the departure the server keeps comes back by a pull', async () => {
    const who = people[7]!;
    await push(h.app, ana, [set(ana, who)]);
    const out = await push(h.app, ana, [
      set(ana, who, { kind: 'presence.checkout', state: undefined, baseVersion: 1 }),
    ]);
    expect(out.results[0]!.status).toBe('applied');
    expect(out.ownWrites).toBeUndefined();
    // A later set on the departed record would leave the device with a departure it never held.
    const back = await push(h.app, ana, [set(ana, who, { state: 'late', baseVersion: 1 })]);
    expect(back.ownWrites).toBeUndefined();
  });
});
