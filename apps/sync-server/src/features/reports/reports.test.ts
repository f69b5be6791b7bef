// Reports against hand-computed expectations: a group R (P0–P5 active, P6 inactive), a group H
// (P7, P8), five weekly-ish sessions pushed by two ushers, a canceled and a future session.
// P9 belongs to neither group: a walk-in wherever recorded.
import { uuidv7 } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
import { isoWeek, weeksBetween } from './report-scope.ts';

describe('ISO weeks', () => {
  it('numbers weeks from Monday, in the year of their Thursday', () => {
    expect(isoWeek(Date.parse('2026-11-22T09:00:00Z'), 'UTC')).toEqual({
      week: '2026-W47',
      start: '2026-11-16',
    });
    expect(isoWeek(Date.parse('2026-11-16T00:00:00Z'), 'UTC')).toEqual({
      week: '2026-W47',
      start: '2026-11-16',
    });
    expect(isoWeek(Date.parse('2027-01-01T12:00:00Z'), 'UTC')).toEqual({
      week: '2026-W53',
      start: '2026-12-28',
    });
    expect(isoWeek(Date.parse('2024-12-30T12:00:00Z'), 'UTC')).toEqual({
      week: '2025-W01',
      start: '2024-12-30',
    });
    expect(
      weeksBetween('2026-10-26T00:00:00.000Z', '2026-11-22T23:59:59.999Z', 'UTC').map(
        (w) => w.week,
      ),
    ).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
  });
});

type Rec = [participant: number, state: string, method: string, usher: 'A' | 'B'];
const SESSIONS: {
  key: string;
  start: string;
  groups: ('R' | 'H')[];
  status?: string;
  records: Rec[];
}[] = [
  {
    key: 'S1',
    start: '2026-11-01T10:00:00.000Z',
    groups: ['R'],
    records: [
      [0, 'present', 'qr', 'A'],
      [1, 'present', 'qr', 'A'],
      [2, 'late', 'code', 'B'],
      [3, 'absent', 'manual', 'B'],
      [4, 'excused', 'manual', 'A'],
      [9, 'present', 'search', 'B'],
    ],
  },
  {
    key: 'S2',
    start: '2026-11-08T10:00:00.000Z',
    groups: ['R'],
    records: [
      [0, 'present', 'qr', 'A'],
      [1, 'absent', 'manual', 'A'],
      [2, 'present', 'qr', 'B'],
      [5, 'present', 'code', 'B'],
    ],
  },
  {
    key: 'S3',
    start: '2026-11-11T18:00:00.000Z',
    groups: ['R', 'H'],
    records: [
      [0, 'present', 'qr', 'A'],
      [1, 'present', 'qr', 'A'],
      [3, 'absent', 'manual', 'B'],
      [7, 'present', 'qr', 'B'],
    ],
  },
  {
    key: 'S4',
    start: '2026-11-15T10:00:00.000Z',
    groups: ['R'],
    records: [
      [0, 'present', 'qr', 'A'],
      [2, 'present', 'code', 'B'],
      [3, 'present', 'qr', 'B'],
      [4, 'excused', 'manual', 'A'],
      [6, 'present', 'qr', 'A'],
    ],
  },
  {
    key: 'S5',
    start: '2026-11-22T09:00:00.000Z',
    groups: ['R'],
    records: [
      [0, 'present', 'qr', 'A'],
      [1, 'late', 'code', 'A'],
      [3, 'absent', 'manual', 'B'],
      [4, 'present', 'qr', 'B'],
      [9, 'present', 'qr', 'B'],
    ],
  },
  { key: 'S6', start: '2026-11-29T10:00:00.000Z', groups: ['R'], records: [] }, // after the clock's now
  { key: 'S7', start: '2026-11-04T10:00:00.000Z', groups: ['R'], status: 'canceled', records: [] },
];
const RANGE = 'from=2026-10-26&to=2026-11-30';

describe.each(dialects)('reports on %s', (dialect) => {
  let h: Harness;
  let admin: Device, manager: Device, ana: Device, ben: Device;
  let P: string[];
  const S: Record<string, string> = {};
  const G = { R: uuidv7(), H: uuidv7() };
  const get = async (url: string, who: Device = manager, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${url}`,
      headers: { ...auth(who), ...headers },
    });
  const json = async (url: string, who: Device = manager) => {
    const res = await get(url, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    [admin, manager, ana, ben] = [
      await login(h.app, 'admin@demo.rollcall.test'),
      await login(h.app, 'manager@demo.rollcall.test'),
      await login(h.app, 'usher1@demo.rollcall.test'),
      await login(h.app, 'usher2@demo.rollcall.test'),
    ];
    P = h.demo.participants.map((p) => p.id);
    const org = h.demo.organizationId;
    const db = h.db.kysely;
    const at = '2026-10-01T00:00:00.000Z';
    await db
      .insertInto('groups')
      .values(
        [
          { id: G.R, name: 'Reports R' },
          { id: G.H, name: 'Helpers H' },
        ].map((g) => ({
          ...g,
          organization_id: org,
          parent_id: null,
          active: 1,
          updated_at: at,
          seq: 0,
        })),
      )
      .execute();
    await db
      .insertInto('group_memberships')
      .values(
        [
          ...[0, 1, 2, 3, 4, 5, 6].map((i) => ({ group_id: G.R, participant_id: P[i]! })),
          ...[7, 8].map((i) => ({ group_id: G.H, participant_id: P[i]! })),
        ].map((m) => ({ ...m, organization_id: org })),
      )
      .execute();
    for (const s of SESSIONS) {
      S[s.key] = uuidv7();
      await db
        .insertInto('sessions')
        .values({
          id: S[s.key]!,
          organization_id: org,
          name: `Session ${s.key}`,
          location: null,
          scheduled_start: s.start,
          scheduled_end: s.start,
          actual_start: null,
          actual_end: null,
          status: s.status ?? 'completed',
          late_after_minutes: null,
          updated_at: at,
          seq: 0,
        })
        .execute();
      await db
        .insertInto('session_groups')
        .values(
          s.groups.map((g) => ({ organization_id: org, session_id: S[s.key]!, group_id: G[g] })),
        )
        .execute();
      for (const [who, device] of [
        ['A', ana],
        ['B', ben],
      ] as const) {
        const changes = s.records
          .filter((r) => r[3] === who)
          .map(([p, state, method]) =>
            change(device, h.clock.now(), {
              sessionId: S[s.key]!,
              participantId: P[p]!,
              state,
              method: method,
            }),
          );
        if (changes.length)
          expect((await push(h.app, device, changes)).results.map((r) => r.status)).toEqual(
            changes.map(() => 'applied'),
          );
      }
    }
    await db.updateTable('participants').set({ active: 0 }).where('id', '=', P[6]!).execute(); // after P6's check-in
  });
  afterAll(() => h.close());

  it('counts a group over a date range against its active members, walk-ins apart', async () => {
    const r = await json(`attendance?groupId=${G.R}&${RANGE}`);
    expect(r.sessions.map((s: { name: string }) => s.name)).toEqual([
      'Session S1',
      'Session S2',
      'Session S3',
      'Session S4',
      'Session S5',
    ]); // not canceled S7, not future S6
    expect(r.sessions.map((s: { rate: number }) => s.rate)).toEqual([0.5, 0.5, 0.3333, 0.5, 0.5]);
    expect(r.totals).toEqual({
      sessions: 5,
      expected: 30,
      attended: 14,
      present: 17, // 15 present + 2 late: members and walk-ins alike
      rate: 0.4667,
      walkIns: 3,
      byState: [
        { state: 'present', label: 'Present', count: 15 },
        { state: 'late', label: 'Late', count: 2 },
        { state: 'absent', label: 'Absent', count: 4 },
        { state: 'excused', label: 'Excused', count: 2 },
        { state: 'missing', label: 'No record', count: 10 },
      ],
    });
    expect(r.totalRows).toBe(33);
    const s1 = r.rows.filter((x: { sessionId: string }) => x.sessionId === S.S1);
    expect(s1).toHaveLength(7);
    expect(s1.find((x: { participantId: string }) => x.participantId === P[2])).toMatchObject({
      state: 'late',
      method: 'code',
      recordedBy: 'Ben Usher',
      expected: true,
      participantName: h.demo.participants[2]!.name,
    });
    expect(s1.find((x: { participantId: string }) => x.participantId === P[5])).toMatchObject({
      state: 'missing',
      method: null,
      recordedAt: null,
      recordedBy: null,
      expected: true,
    });
    expect(s1.find((x: { participantId: string }) => x.participantId === P[9])).toMatchObject({
      state: 'present',
      expected: false,
    });
  });

  it('counts one session against all of its groups', async () => {
    const r = await json(`attendance?sessionId=${S.S3}`);
    expect(r.totals).toMatchObject({
      sessions: 1,
      expected: 8,
      attended: 3,
      rate: 0.375,
      walkIns: 0,
    });
    expect(
      Object.fromEntries(
        r.totals.byState.map((b: { state: string; count: number }) => [b.state, b.count]),
      ),
    ).toEqual({ present: 3, late: 0, absent: 1, excused: 0, missing: 4 });
    expect(new Set(r.rows.map((x: { participantId: string }) => x.participantId))).toEqual(
      new Set([0, 1, 2, 3, 4, 5, 7, 8].map((i) => P[i])),
    );
    // One session, one group's view of it: H's members (not linked to S1) plus S1's walk-in P9; R's members are not H's business.
    const h1 = await json(`attendance?sessionId=${S.S1}&groupId=${G.H}`);
    expect(h1.totals).toMatchObject({ expected: 2, attended: 0, walkIns: 1 });
    expect(
      h1.rows
        .map((x: { participantId: string; state: string }) => [x.participantId, x.state])
        .sort(),
    ).toEqual(
      [
        [P[7], 'missing'],
        [P[8], 'missing'],
        [P[9], 'present'],
      ].sort(),
    );
  });

  it('filters rows by state and pages through them in the same order as the CSV', async () => {
    expect((await json(`attendance?groupId=${G.R}&${RANGE}&state=missing`)).totalRows).toBe(10);
    expect((await json(`attendance?groupId=${G.R}&${RANGE}&state=present`)).rows).toHaveLength(15);
    const paged = [];
    for (let offset = 0; offset < 40; offset += 10)
      paged.push(
        ...(await json(`attendance?groupId=${G.R}&${RANGE}&limit=10&offset=${offset}`)).rows,
      );
    expect(paged).toHaveLength(33);
    const csv = await get(`attendance?groupId=${G.R}&${RANGE}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="rollcall-attendance-reports-r-2026-10-26-to-2026-11-30.csv"; filename*=UTF-8''rollcall-attendance-reports-r-2026-10-26-to-2026-11-30.csv`,
    );
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      // The demo is a church: its words for a session and a participant; the ids and codes stay.
      'service,service_start,participant_id,member,expected,state,state_code,method,recorded_at,recorded_by,left_at,minutes_present',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join())).toEqual(
      paged.map((r: { sessionName: string; scheduledStart: string; participantId: string }) =>
        [r.sessionName, r.scheduledStart, r.participantId].join(),
      ),
    );
  });

  it('lists absentees: absent or no record, not excused', async () => {
    const s1 = await json(`absentees?sessionId=${S.S1}`);
    expect(s1).toMatchObject({ expected: 6, total: 2 });
    expect(
      s1.rows
        .map((r: { participantId: string; state: string }) => [r.participantId, r.state])
        .sort(),
    ).toEqual(
      [
        [P[3], 'absent'],
        [P[5], 'missing'],
      ].sort(),
    );
    const s3 = await json(`absentees?sessionId=${S.S3}`);
    expect(new Set(s3.rows.map((r: { participantId: string }) => r.participantId))).toEqual(
      new Set([2, 3, 4, 5, 8].map((i) => P[i])),
    );
    const csv = await get(`absentees?sessionId=${S.S3}`, manager, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\r\n')).toHaveLength(6);
  });

  it('finds who is drifting: missed N of their last M sessions, excused not missed', async () => {
    const two = await json(`drifting?groupId=${G.R}&missed=2&of=3`);
    expect(two.items).toEqual(
      expect.arrayContaining([
        {
          participantId: P[5],
          participantName: h.demo.participants[5]!.name,
          missed: 3,
          of: 3,
          lastAttendedAt: '2026-11-08T10:00:00.000Z',
        },
        expect.objectContaining({
          participantId: P[2],
          missed: 2,
          of: 3,
          lastAttendedAt: '2026-11-15T10:00:00.000Z',
        }),
        expect.objectContaining({
          participantId: P[3],
          missed: 2,
          of: 3,
          lastAttendedAt: '2026-11-15T10:00:00.000Z',
        }),
      ]),
    );
    expect(two.total).toBe(3); // not P4: missing, excused, present is one miss
    expect(two.items[0].participantId).toBe(P[5]);
    expect(
      (await json(`drifting?groupId=${G.R}&missed=3&of=3`)).items.map(
        (i: { participantId: string }) => i.participantId,
      ),
    ).toEqual([P[5]]);
    expect(
      (await json(`drifting?groupId=${G.R}&missed=1&of=1`)).items
        .map((i: { participantId: string }) => i.participantId)
        .sort(),
    ).toEqual([P[2], P[3], P[5]].sort());
    const csv = await get(`drifting?groupId=${G.R}&format=csv`);
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
  });

  it('shows weekly trends with first-time and returning attendees', async () => {
    const r = await json(`trends?groupId=${G.R}&from=2026-10-26&to=2026-11-22`);
    expect(r.weeks).toEqual([
      {
        week: '2026-W44',
        weekStart: '2026-10-26',
        sessions: 1,
        present: 4,
        expected: 6,
        rate: 0.5,
        attendees: 4,
        firstTime: 4,
        returning: 0,
      },
      {
        week: '2026-W45',
        weekStart: '2026-11-02',
        sessions: 1,
        present: 3,
        expected: 6,
        rate: 0.5,
        attendees: 3,
        firstTime: 1,
        returning: 2,
      },
      {
        week: '2026-W46',
        weekStart: '2026-11-09',
        sessions: 2,
        present: 6,
        expected: 12,
        rate: 0.4167,
        attendees: 5,
        firstTime: 2,
        returning: 3,
      },
      {
        week: '2026-W47',
        weekStart: '2026-11-16',
        sessions: 1,
        present: 4,
        expected: 6,
        rate: 0.5,
        attendees: 4,
        firstTime: 1,
        returning: 3,
      },
    ]);
    const csv = await get(`trends?groupId=${G.R}&from=2026-10-26&to=2026-11-22&format=csv`);
    expect(csv.body.trim().split('\r\n')[3]).toBe('2026-W46,2026-11-09,2,6,12,0.4167,5,2,3');
  });

  it("shows the whole organization's weekly trends when no group is given", async () => {
    const r = await json('trends?from=2026-10-26&to=2026-11-15');
    expect(r.groupId).toBeNull();
    // Every active member of any group is expected at every session; walk-ins still count as present.
    const members = new Set(
      (
        await h.db.kysely
          .selectFrom('group_memberships as m')
          .innerJoin('participants as p', 'p.id', 'm.participant_id')
          .select('m.participant_id')
          .where('m.organization_id', '=', h.demo.organizationId)
          .where('p.active', '=', 1)
          .execute()
      ).map((m) => m.participant_id),
    );
    const weekOf: Record<string, string[]> = {
      '2026-W44': ['S1'],
      '2026-W45': ['S2'],
      '2026-W46': ['S3', 'S4'],
    };
    const attended = (keys: string[], who: (p: string) => boolean) =>
      SESSIONS.filter((s) => keys.includes(s.key))
        .flatMap((s) => s.records)
        .filter(([p, state]) => ['present', 'late'].includes(state) && who(P[p]!)).length;
    expect(r.weeks.map((w: { week: string }) => w.week)).toEqual(Object.keys(weekOf));
    for (const w of r.weeks) {
      const keys = weekOf[w.week]!;
      const expected = members.size * keys.length;
      expect(w).toMatchObject({
        sessions: keys.length,
        present: attended(keys, () => true),
        expected,
        rate: Math.round((attended(keys, (p) => members.has(p)) / expected) * 10_000) / 10_000,
      });
    }
    // Group R's W46 leaves out Helpers H's P7 at S3 (a member of the session's other group); the organization does not.
    expect(r.weeks[2]).toMatchObject({ present: 7, attendees: 6 });
  });

  it('counts check-ins per usher per method', async () => {
    const one = await json(`usher-activity?sessionId=${S.S1}`);
    expect(one.ushers).toEqual([
      {
        userId: ana.userId,
        name: 'Ana Usher',
        role: 'usher',
        total: 3,
        byMethod: { manual: 1, qr: 2 },
      },
      {
        userId: ben.userId,
        name: 'Ben Usher',
        role: 'usher',
        total: 3,
        byMethod: { code: 1, manual: 1, search: 1 },
      },
    ]);
    const range = await json(`usher-activity?groupId=${G.R}&${RANGE}`);
    expect(range).toMatchObject({ sessions: 5, total: 24 });
    expect(await json(`usher-activity?${RANGE}`)).toMatchObject({ sessions: 6, total: 24 }); // and the demo's Sunday Service, started 09:00
    expect(
      range.ushers.map((u: { name: string; byMethod: object }) => [u.name, u.byMethod]),
    ).toEqual([
      ['Ana Usher', { code: 1, manual: 3, qr: 8 }],
      ['Ben Usher', { code: 3, manual: 3, qr: 5, search: 1 }],
    ]);
    const csv = await get(`usher-activity?sessionId=${S.S1}&format=csv`);
    expect(csv.body.trim().split('\r\n')).toEqual([
      'user_id,usher,role,method,check_ins',
      `${ana.userId},Ana Usher,usher,manual,1`,
      `${ana.userId},Ana Usher,usher,qr,2`,
      `${ben.userId},Ben Usher,usher,code,1`,
      `${ben.userId},Ben Usher,usher,manual,1`,
      `${ben.userId},Ben Usher,usher,search,1`,
    ]);
  });

  it('is for admins and managers of the organization only', async () => {
    const urls = [
      `attendance?sessionId=${S.S1}`,
      `absentees?sessionId=${S.S1}`,
      `drifting?groupId=${G.R}`,
      `trends?groupId=${G.R}`,
      `usher-activity?sessionId=${S.S1}`,
    ];
    for (const url of urls) {
      expect((await get(url, admin)).statusCode).toBe(200);
      expect((await get(url, manager)).statusCode).toBe(200);
      expect((await get(url, ana)).statusCode).toBe(403);
      expect((await get(`${url}&format=csv`, ana)).statusCode).toBe(403);
    }
    const foreign = await login(h.app, 'admin@other.demo.rollcall.test');
    for (const url of [
      ...urls,
      `attendance?groupId=${G.R}`,
      `attendance?sessionId=${S.S1}&format=csv`,
      `drifting?groupId=${G.R}&format=csv`,
    ]) {
      expect((await get(url, foreign)).statusCode, url).toBe(404);
    }
    expect(await json(`usher-activity?${RANGE}`, foreign)).toMatchObject({
      sessions: 1,
      total: 0,
      ushers: [],
    }); // their own Sunday Service
    const theirs = await json('drifting', foreign);
    expect(
      theirs.items.filter((i: { participantId: string }) => P.includes(i.participantId)),
    ).toEqual([]);
  });

  it('explains what is wrong with a query', async () => {
    expect((await get('attendance')).json()).toMatchObject({
      statusCode: 400,
      details: [{ path: 'querystring/sessionId' }],
    });
    expect((await get(`attendance?sessionId=${S.S1}&state=vanished`)).json()).toMatchObject({
      statusCode: 400,
      details: [{ path: 'querystring/state' }],
    });
    expect((await get(`trends?groupId=${G.R}&from=2026-11-30&to=2026-11-01`)).json()).toMatchObject(
      { statusCode: 400, details: [{ path: 'querystring/from' }] },
    );
    expect((await get(`trends?groupId=${G.R}&from=yesterday`)).statusCode).toBe(400);
  });

  it("caches for 30 seconds, and forgets an organization's reports when its data changes", async () => {
    const url = `attendance?sessionId=${S.S6}`;
    expect((await get(url)).headers['x-report-cache']).toBe('miss');
    const again = await get(url);
    expect(again.headers['x-report-cache']).toBe('hit');
    expect(again.json().totals).toMatchObject({ expected: 6, attended: 0 });
    await push(h.app, ana, [
      change(ana, h.clock.now(), { sessionId: S.S6!, participantId: P[0]!, state: 'present' }),
    ]);
    await vi.waitFor(async () => expect((await json(url)).totals.attended).toBe(1), {
      timeout: 5000,
    }); // PostgreSQL: via LISTEN/NOTIFY
    // A write that bypasses the notifier is seen once the entry expires.
    const now = h.clock.now();
    const nowIso = new Date(now).toISOString();
    await h.db.kysely
      .insertInto('presence_records')
      .values({
        id: uuidv7(now),
        organization_id: h.demo.organizationId,
        session_id: S.S6!,
        participant_id: P[1]!,
        state: 'present',
        method: 'import',
        recorded_at: nowIso,
        recorded_by: admin.userId,
        device_id: admin.deviceId,
        change_id: uuidv7(now),
        version: 1,
        has_conflict: 0,
        conflict_id: null,
        key_state: '{}',
        created_at: nowIso,
        updated_at: nowIso,
        seq: 0,
      })
      .execute();
    expect((await json(url)).totals.attended).toBe(1);
    expect((await get(url, manager, { 'cache-control': 'no-cache' })).json().totals.attended).toBe(
      2,
    );
    h.clock.advance(31_000);
    expect((await get(url)).headers['x-report-cache']).toBe('miss');
  });
});
