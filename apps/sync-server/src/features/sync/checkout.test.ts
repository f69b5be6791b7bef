// Check-out on every dialect: a departure of someone checked in is stored once (change id), shows
// in pull, the live page and the attendance report; of someone not checked in it is refused with a
// reason; two devices' different departure times keep the latest, whatever order they arrive in.
import type { Change } from '@rollcall/shared';
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

const MINUTE = 60_000;

describe.each(dialects)('check-out on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  let ben: Device;
  let admin: Device;
  let session: string;
  let people: string[];
  beforeAll(async () => {
    h = await createHarness(dialect);
    ana = await login(h.app, 'usher1@demo.rollcall.test');
    ben = await login(h.app, 'usher2@demo.rollcall.test');
    admin = await login(h.app, 'admin@demo.rollcall.test');
    session = h.demo.sessions[0]!.id;
    people = h.demo.participants.map((p) => p.id);
  });
  afterAll(() => h.close());

  const checkIn = (d: Device, participantId: string, at: number, state = 'present') =>
    change(d, at, { sessionId: session, participantId, state });
  const checkOut = (d: Device, participantId: string, at: number): Change => {
    const { state: _s, method: _m, ...rest } = change(d, at, { sessionId: session, participantId });
    return { ...rest, kind: 'presence.checkout' } as Change;
  };
  const recordOf = async (participantId: string) =>
    (await pullAll(h.app, admin)).records.find(
      (r) => r.sessionId === session && r.participantId === participantId,
    );
  const storedChanges = async (changeId: string) =>
    (
      await h.db.kysely
        .selectFrom('changes')
        .select('change_id')
        .where('change_id', '=', changeId)
        .execute()
    ).length;

  it('records the time left once: a replay is a duplicate and stores nothing twice', async () => {
    const t0 = h.clock.now();
    const p = people[0]!;
    // Checked in and out offline: one batch, applied in device order.
    const inn = checkIn(ana, p, t0);
    const out = checkOut(ana, p, t0 + 50 * MINUTE);
    const first = await push(h.app, ana, [inn, out]);
    expect(first.results.map((r) => [r.status, r.version])).toEqual([
      ['applied', 1],
      ['applied', 1],
    ]);
    const replay = await push(h.app, ana, [out]);
    expect(replay.results[0]).toMatchObject({
      status: 'duplicate',
      original: { status: 'applied' },
    });
    expect(await storedChanges(out.changeId)).toBe(1);
    expect(await recordOf(p)).toMatchObject({
      state: 'present',
      version: 1,
      leftAt: new Date(t0 + 50 * MINUTE).toISOString(),
    });
  });

  it('refuses to check out someone not checked in (no record, or absent), saying why', async () => {
    const t0 = h.clock.now();
    const [nobody, absent] = [people[1]!, people[2]!];
    await push(h.app, ana, [checkIn(ana, absent, t0, 'absent')]);
    const refused = [checkOut(ana, nobody, t0 + 1), checkOut(ana, absent, t0 + 2)];
    const res = await push(h.app, ana, refused);
    for (const r of res.results) {
      expect(r.status).toBe('rejected');
      expect(r.code).toBe('not_checked_in');
      expect(r.reason).toMatch(/is not checked in to session ".+": there is nothing to check out/);
    }
    for (const c of refused) expect(await storedChanges(c.changeId)).toBe(0);
    expect((await recordOf(absent))?.leftAt).toBeNull();
    expect(await recordOf(nobody)).toBeUndefined();
  });

  it('refuses a check-out that carries a state', async () => {
    const res = await push(h.app, ana, [
      { ...checkOut(ana, people[0]!, h.clock.now()), state: 'present' },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid_change' });
    expect(res.results[0]!.reason).toMatch(/presence.checkout takes no state/);
  });

  it.each([
    ['the later first', true],
    ['the earlier first', false],
  ])('keeps the later of two devices’ departures when %s arrives', async (_, laterFirst) => {
    const t0 = h.clock.now();
    const p = laterFirst ? people[3]! : people[4]!;
    await push(h.app, ana, [checkIn(ana, p, t0)]);
    const later = checkOut(ana, p, t0 + 90 * MINUTE);
    const earlier = checkOut(ben, p, t0 + 60 * MINUTE);
    const [a, b] = laterFirst
      ? [await push(h.app, ana, [later]), await push(h.app, ben, [earlier])]
      : [await push(h.app, ben, [earlier]), await push(h.app, ana, [later])];
    expect([a.results[0]!.status, b.results[0]!.status]).toEqual(
      laterFirst ? ['applied', 'merged'] : ['applied', 'applied'],
    );
    expect((await recordOf(p))?.leftAt).toBe(new Date(t0 + 90 * MINUTE).toISOString());
    // Neither is lost: both are in the change log.
    expect(await storedChanges(later.changeId)).toBe(1);
    expect(await storedChanges(earlier.changeId)).toBe(1);
  });

  it('shows who is still in and who left on the live page, and time present in the report', async () => {
    const live = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session}/live`,
      headers: auth(admin),
    });
    expect(live.statusCode).toBe(200);
    // people 0, 3 and 4 checked in and left; person 2 is absent.
    expect(live.json()).toMatchObject({ headcount: 3, stillIn: 0, left: 3 });
    const t0 = h.clock.now();
    await push(h.app, ben, [checkIn(ben, people[5]!, t0)]);
    const again = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session}/live`,
      headers: auth(admin),
    });
    expect(again.json()).toMatchObject({ headcount: 4, stillIn: 1, left: 3 });

    const report = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/attendance?sessionId=${session}`,
      headers: auth(admin),
    });
    const rows = report.json<{
      rows: { participantId: string; leftAt: string | null; minutesPresent: number | null }[];
    }>().rows;
    const row = (i: number) => rows.find((r) => r.participantId === people[i]);
    expect(row(0)).toMatchObject({ minutesPresent: 50 });
    expect(row(3)).toMatchObject({ minutesPresent: 90 });
    expect(row(5)).toMatchObject({ leftAt: null, minutesPresent: null });
    const csv = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/attendance?sessionId=${session}&format=csv`,
      headers: auth(admin),
    });
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/,left_at,minutes_present$/);
    expect(lines.find((l) => l.includes(people[0]!))).toMatch(/,50$/);
  });
});
