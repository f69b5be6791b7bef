// Past attendance import: every row checked first, sessions matched or created in the importer's
// time zone, all or nothing per request, nothing recorded at the door overwritten, and a second
// import of the same file changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';

const TZ = 'Europe/Berlin';

describe.each(dialects)('attendance import on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let usher: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const send = (rows: object[], dryRun: boolean, who = admin, timeZone = TZ) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/attendance',
      headers: auth(who),
      payload: { rows, dryRun, timeZone },
    });
  const code = (i: number) => h.demo.participants[i]!.personalCode;
  const db = () => h.db.kysely;
  const sessionsNamed = (name: string) =>
    db()
      .selectFrom('sessions')
      .select(['id', 'scheduled_start', 'status'])
      .where('name', '=', name)
      .orderBy('scheduled_start')
      .execute();
  const recordsOf = (sessionId: string) =>
    db()
      .selectFrom('presence_records')
      .select(['participant_id', 'state', 'method', 'recorded_at', 'version'])
      .where('session_id', '=', sessionId)
      .execute();
  const changeCount = async () =>
    Number(
      (
        await db()
          .selectFrom('changes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const file = () => [
    {
      session_name: 'Bible Study',
      session_date: '2026-11-04',
      session_time: '19:00',
      session_groups: 'Choir',
      personal_code: code(0),
      state: 'present',
      checked_in_at: '18:52',
    },
    {
      session_name: 'Bible Study',
      session_date: '2026-11-04',
      session_time: '19:00',
      personal_code: code(1),
      state: 'Late',
    },
    {
      session_name: 'Bible Study',
      session_date: '2026-11-11',
      session_time: '19:00',
      personal_code: code(0),
      state: 'absent',
    },
  ];

  it('lists every bad row, duplicates included, and writes nothing', async () => {
    const [sessionsBefore, changesBefore] = [
      (await sessionsNamed('Bible Study')).length,
      await changeCount(),
    ];
    const rows = [
      ...file(),
      {
        session_name: 'Bible Study',
        session_date: '2026-11-04',
        session_time: '19:00',
        personal_code: code(0),
        state: 'late',
      },
      {
        session_name: 'Bible Study',
        session_date: '2026-02-30',
        personal_code: code(2),
        state: 'present',
      },
      {
        session_name: 'Bible Study',
        session_date: '2026-11-18',
        personal_code: code(2),
        state: 'present',
      },
      {
        session_name: 'Bible Study',
        session_date: '2026-12-24',
        session_time: '19:00',
        personal_code: code(2),
        state: 'present',
      },
      {
        session_name: 'Bible Study',
        session_date: '2026-11-04',
        session_time: '19:00',
        personal_code: '99999',
        state: 'present',
      },
      {
        session_name: 'Bible Study',
        session_date: '2026-11-04',
        session_time: '19:00',
        personal_code: code(3),
        state: 'asleep',
      },
      { session_id: 'not-an-id', personal_code: code(3), state: 'present' },
    ];
    const dry = await send(rows, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().problems).toEqual([
      {
        row: 4,
        field: 'personal_code',
        message: 'this person is already on row 1 for the same session',
      },
      { row: 5, field: 'session_date', message: '"2026-02-30" is not a date like 2025-03-02' },
      {
        row: 6,
        field: 'session_time',
        message: 'no session is called "Bible Study" that day: give session_time to create it',
      },
      {
        row: 7,
        field: 'session_date',
        message: 'is in the future: only past attendance can be imported',
      },
      {
        row: 8,
        field: 'personal_code',
        message: 'no participant has personal code 99999 (import participants first)',
      },
      {
        row: 9,
        field: 'state',
        message: expect.stringMatching(/^"asleep" is not a presence state here \(.*present.*\)$/),
      },
      { row: 10, field: 'session_id', message: '"not-an-id" is not a session id' },
    ]);
    const real = await send(rows, false);
    expect(real.statusCode).toBe(422);
    expect(real.json().message).toMatch(/7 problem\(s\).*nothing was imported/);
    expect((await sessionsNamed('Bible Study')).length).toBe(sessionsBefore);
    expect(await changeCount()).toBe(changesBefore);
  });

  it('creates the sessions in the importer time zone and records arrival times', async () => {
    const dry = (await send(file(), true)).json();
    expect(dry).toMatchObject({
      dryRun: true,
      total: 3,
      sessionsCreated: 2,
      created: 3,
      updated: 0,
      unchanged: 0,
      kept: [],
      problems: [],
    });
    const res = await send(file(), false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, sessionsCreated: 2, created: 3 });
    const [first, second] = await sessionsNamed('Bible Study');
    expect(first).toMatchObject({ status: 'completed' });
    // 19:00 in Berlin on 4 November (winter time, UTC+1).
    expect(Date.parse(first!.scheduled_start)).toBe(Date.parse('2026-11-04T18:00:00Z'));
    const records = await recordsOf(first!.id);
    const byPerson = new Map(records.map((r) => [r.participant_id, r]));
    expect(byPerson.get(h.demo.participants[0]!.id)).toMatchObject({
      state: 'present',
      method: 'import',
      version: 1,
    });
    expect(Date.parse(byPerson.get(h.demo.participants[0]!.id)!.recorded_at)).toBe(
      Date.parse('2026-11-04T17:52:00Z'),
    );
    expect(byPerson.get(h.demo.participants[1]!.id)).toMatchObject({ state: 'late' });
    expect(Date.parse(byPerson.get(h.demo.participants[1]!.id)!.recorded_at)).toBe(
      Date.parse('2026-11-04T18:00:00Z'),
    );
    const groups = await db()
      .selectFrom('session_groups')
      .innerJoin('groups', 'groups.id', 'session_groups.group_id')
      .select('groups.name')
      .where('session_id', '=', first!.id)
      .execute();
    expect(groups.map((g) => g.name)).toEqual(['Choir']);
    expect((await recordsOf(second!.id)).map((r) => r.state)).toEqual(['absent']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const changesBefore = await changeCount();
    const res = (await send(file(), false)).json();
    expect(res).toMatchObject({
      sessionsCreated: 0,
      created: 0,
      updated: 0,
      unchanged: 3,
      kept: [],
      problems: [],
    });
    expect((await sessionsNamed('Bible Study')).length).toBe(2);
    expect(await changeCount()).toBe(changesBefore);
  });

  it('corrects its own earlier import but keeps what was recorded at the door', async () => {
    const [first] = await sessionsNamed('Bible Study');
    const p2 = h.demo.participants[2]!;
    const pushed = await push(h.app, usher, [
      change(usher, h.clock.now(), {
        sessionId: first!.id,
        participantId: p2.id,
        state: 'present',
        method: 'qr',
      }),
    ]);
    expect(pushed.results[0]!.status).toBe('applied');
    const rows = [
      { session_id: first!.id, personal_code: code(1), state: 'excused' },
      // Named in other letters and without a time: still the one Bible Study of that day.
      {
        session_name: 'BIBLE STUDY',
        session_date: '2026-11-04',
        personal_code: code(2),
        state: 'absent',
      },
    ];
    const res = (await send(rows, false)).json();
    expect(res).toMatchObject({
      sessionsCreated: 0,
      created: 0,
      updated: 1,
      unchanged: 0,
      problems: [],
    });
    expect(res.kept).toEqual([
      {
        row: 2,
        message: expect.stringMatching(
          /^kept "present" recorded at the door on 2026-11-22 \d\d:\d\d UTC$/,
        ),
      },
    ]);
    const byPerson = new Map((await recordsOf(first!.id)).map((r) => [r.participant_id, r]));
    expect(byPerson.get(h.demo.participants[1]!.id)).toMatchObject({
      state: 'excused',
      method: 'import',
      version: 2,
    });
    expect(byPerson.get(p2.id)).toMatchObject({ state: 'present', method: 'qr' });
  });

  it('counts imported attendance in the reports', async () => {
    const [first] = await sessionsNamed('Bible Study');
    const report = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/attendance?sessionId=${first!.id}`,
      headers: { ...auth(admin), 'cache-control': 'no-cache' },
    });
    expect(report.statusCode).toBe(200);
    const byState = Object.fromEntries(
      report.json().totals.byState.map((s: { state: string; count: number }) => [s.state, s.count]),
    );
    expect(byState).toMatchObject({ present: 2, excused: 1 });
  });

  it('is for admins only, and says what is wrong with a time zone', async () => {
    expect((await send(file(), true, usher)).statusCode).toBe(403);
    const bad = await send(file(), true, admin, 'Mars/Olympus');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/"Mars\/Olympus" is not a time zone/);
    const template = await h.app.inject({
      method: 'GET',
      url: '/api/v1/imports/attendance/template.csv',
      headers: auth(admin),
    });
    expect(template.body.split('\r\n')[0]).toBe(
      'session_id,session_name,session_date,session_time,session_groups,external_key,personal_code,state,checked_in_at',
    );
  });
});
