// Reports reckon days and weeks in the organization's zone, not UTC and not the server's (vitest
// runs this suite under TZ=Australia/Sydney, see vitest.config.ts). The organization is in Los
// Angeles; its Saturday 7 pm services fall on Sunday in UTC and in Sydney, and its Sunday 11:30 pm
// meetings on Monday, across both DST changes of 2026 (8 March and 1 November).
import { uuidv7 } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  push,
  refresh,
  type Device,
  type Harness,
} from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';

const LA = 'America/Los_Angeles';
const AT = '2026-01-01T00:00:00.000Z';
// [name, start (UTC)]: each named by its day and time in Los Angeles.
const SESSIONS = [
  ['Sat Feb 28 23:00', '2026-03-01T07:00:00.000Z'], // PST; 1 March in UTC
  ['Sat Mar 7 19:00', '2026-03-08T03:00:00.000Z'], // PST, the night before DST starts
  ['Sun Mar 8 23:30', '2026-03-09T06:30:00.000Z'], // PDT; Monday in UTC
  ['Sat Mar 14 19:00', '2026-03-15T02:00:00.000Z'], // PDT
  ['Sat Mar 21 19:00', '2026-03-22T02:00:00.000Z'], // PDT; 22 March in UTC
  ['Sat Oct 31 19:00', '2026-11-01T02:00:00.000Z'], // PDT, the night before DST ends
  ['Sun Nov 1 23:30', '2026-11-02T07:30:00.000Z'], // PST; Monday in UTC
  ['Sat Nov 7 19:00', '2026-11-08T03:00:00.000Z'], // PST
] as const;

describe.each(dialects)("reports in the organization's time zone, on %s", (dialect) => {
  let h: Harness;
  let admin: Device, usher: Device;
  const group = uuidv7();
  const ada = uuidv7();
  const ids: string[] = SESSIONS.map(() => uuidv7());
  const idOf = (i: number) => ids[i] ?? '';
  const get = (url: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/reports/${url}`, headers: auth(admin) });
  const weeks = async (from: string, to: string) => {
    const res = await get(`trends?groupId=${group}&from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().weeks as { weekStart: string; sessions: number; present: number }[]).map(
      (w) => [w.weekStart, w.sessions, w.present],
    );
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    [admin, usher] = await Promise.all([
      login(h.app, 'admin@demo.rollcall.test'),
      login(h.app, 'usher1@demo.rollcall.test'),
    ]);
    const org = h.demo.organizationId;
    const db = h.db.kysely;
    await db
      .insertInto('participants')
      .values({
        id: ada,
        organization_id: org,
        first_name: 'Ada',
        last_name: 'Zone',
        preferred_name: null,
        personal_code: `tz-${ada}`,
        external_key: null,
        qr_token: `tz-${ada}`,
        guardian_name: null,
        guardian_phone: null,
        active: 1,
        extra: '{}',
        created_at: AT,
        updated_at: AT,
        seq: 0,
      })
      .execute();
    const row = { organization_id: org, updated_at: AT, seq: 0 };
    await db
      .insertInto('groups')
      .values({ ...row, id: group, name: 'Evening', parent_id: null, active: 1 })
      .execute();
    await db
      .insertInto('group_memberships')
      .values({ organization_id: org, group_id: group, participant_id: ada })
      .execute();
    for (const [i, [name, start]] of SESSIONS.entries()) {
      await db
        .insertInto('sessions')
        .values({
          ...row,
          id: idOf(i),
          name,
          location: null,
          scheduled_start: start,
          scheduled_end: start,
          actual_start: null,
          actual_end: null,
          status: 'completed',
          late_after_minutes: null,
        })
        .execute();
      await db
        .insertInto('session_groups')
        .values({ organization_id: org, session_id: idOf(i), group_id: group })
        .execute();
    }
    // Ada arrives four minutes after each start.
    const changes = SESSIONS.map(([, start], i) =>
      change(usher, Date.parse(start) + 4 * 60_000, { sessionId: idOf(i), participantId: ada }),
    );
    expect((await push(h.app, usher, changes)).results.every((r) => r.status === 'applied')).toBe(
      true,
    );
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(admin),
      payload: { settings: { timeZone: LA } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings.timeZone).toBe(LA);
  });
  afterAll(() => h.close());

  it('runs where the host zone is neither UTC nor the organization zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Australia/Sydney');
  });

  it('refuses a zone that is not an IANA name, and says which field', async () => {
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(admin),
      payload: { settings: { timeZone: 'Mars/Olympus_Mons' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('"Mars/Olympus_Mons" is not a time zone');
    expect(res.json().details).toEqual([
      { path: 'body/settings/timeZone', message: 'must be an IANA time zone name' },
    ]);
  });

  it('starts weeks on the local Monday as DST begins: a Saturday 7 pm service is in its Saturday week', async () => {
    expect(await weeks('2026-03-01', '2026-03-21')).toEqual([
      ['2026-02-23', 0, 0], // Saturday 28 February 11 pm is before "from" (1 March, local)
      ['2026-03-02', 2, 2], // Saturday 7 pm and Sunday 11:30 pm
      ['2026-03-09', 1, 1],
      ['2026-03-16', 1, 1], // Saturday 21 March is within "to"
    ]);
  });

  it('starts weeks on the local Monday as DST ends', async () => {
    expect(await weeks('2026-10-25', '2026-11-08')).toEqual([
      ['2026-10-19', 0, 0],
      ['2026-10-26', 2, 2],
      ['2026-11-02', 1, 1],
    ]);
  });

  it('reads date bounds as local days, however long DST makes them', async () => {
    const res = await get(`attendance?groupId=${group}&from=2026-03-08&to=2026-03-08`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect([body.scope.from, body.scope.to]).toEqual([
      '2026-03-08T08:00:00.000Z',
      '2026-03-09T06:59:59.999Z', // a 23-hour day
    ]);
    expect(body.sessions.map((s: { name: string }) => s.name)).toEqual(['Sun Mar 8 23:30']);
  });

  it('prints times and days in the zone, and says which zone', async () => {
    h.clock.set(Date.parse('2026-11-23T05:00:00Z')); // Sunday 22 November, 9 pm in Los Angeles
    await refresh(h.app, admin);
    const res = await get(`attendance?groupId=${group}&from=2026-03-01&to=2026-03-21&format=pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="rollcall-attendance-evening-2026-03-01-to-2026-03-21.pdf"; filename*=UTF-8''rollcall-attendance-evening-2026-03-01-to-2026-03-21.pdf`,
    );
    const { pages } = await pdfText(res.rawPayload);
    expect(pages[0]).toEqual(
      expect.arrayContaining([
        'Grace Community Church | Generated 2026-11-22 21:00',
        `Ministry: Evening and its subgroups · From 2026-03-01 to 2026-03-21 · Times in ${LA}`,
        'Sat Mar 7 19:00 | 2026-03-07 19:00 | 1 | 1 | 0 | 100%',
        'Sun Mar 8 23:30 | 2026-03-08 23:30 | 1 | 1 | 0 | 100%',
        'Sat Mar 21 19:00 | 2026-03-21 19:00 | 1 | 1 | 0 | 100%',
        'Sat Mar 7 19:00 | 2026-03-07 | Ada Zone | Present | qr | 19:04 | Ana Usher',
        'Sun Mar 8 23:30 | 2026-03-08 | Ada Zone | Present | qr | 23:34 | Ana Usher',
      ]),
    );
    const sheet = await pdfText(
      (await get(`attendance?sessionId=${idOf(1)}&format=pdf`)).rawPayload,
    );
    expect(sheet.pages[0]).toEqual(
      expect.arrayContaining([
        `Service: Sat Mar 7 19:00, 2026-03-07 19:00 · Times in ${LA}`,
        'Sat Mar 7 19:00 | · | 2026-03-07 19:00',
        '1 | Ada Zone | Evening | Present | 19:04 | qr',
      ]),
    );
  });
});
