// Reports count a group's subgroups' members as expected, as the live page and the device roster
// do. The tree: T ⊃ J ⊃ K, and Y apart; T has Q0, J has Q1 and Q2, K has Q3, Y has Q4. Session A is
// T's, session B is J's. Fresh participants, so the demo's groups and sessions play no part.
import { uuidv7 } from '@rollcall/shared';
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

const AT = '2026-10-01T00:00:00.000Z';
type Key = 'T' | 'J' | 'K' | 'Y';
const TREE: [Key, Key | null, number[]][] = [
  ['T', null, [0]],
  ['J', 'T', [1, 2]],
  ['K', 'J', [3]],
  ['Y', null, [4]],
];

describe.each(dialects)('reports over subgroups on %s', (dialect) => {
  let h: Harness;
  let manager: Device, ana: Device;
  const Q = Array.from({ length: 5 }, () => uuidv7());
  const G = { T: uuidv7(), J: uuidv7(), K: uuidv7(), Y: uuidv7() };
  const S = { A: uuidv7(), B: uuidv7() };
  const json = async (url: string) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/${url}`,
      headers: auth(manager),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    [manager, ana] = [
      await login(h.app, 'manager@demo.rollcall.test'),
      await login(h.app, 'usher1@demo.rollcall.test'),
    ];
    const org = h.demo.organizationId;
    const db = h.db.kysely;
    await db
      .insertInto('participants')
      .values(
        Q.map((id, i) => ({
          id,
          organization_id: org,
          first_name: `Sub${i}`,
          last_name: 'Tree',
          preferred_name: null,
          personal_code: `st${i}`,
          external_key: null,
          qr_token: `subtree-${i}`,
          guardian_name: null,
          guardian_phone: null,
          active: 1,
          extra: '{}',
          created_at: AT,
          updated_at: AT,
          seq: 0,
        })),
      )
      .execute();
    for (const [key, parent] of TREE) {
      // parents first: a group's parent must exist
      await db
        .insertInto('groups')
        .values({
          id: G[key],
          organization_id: org,
          name: `Tree ${key}`,
          parent_id: parent ? G[parent] : null,
          active: 1,
          updated_at: AT,
          seq: 0,
        })
        .execute();
    }
    await db
      .insertInto('group_memberships')
      .values(
        TREE.flatMap(([key, , members]) =>
          members.map((i) => ({ organization_id: org, group_id: G[key], participant_id: Q[i]! })),
        ),
      )
      .execute();
    for (const [key, start, group] of [
      ['A', '2026-11-15T10:00:00.000Z', 'T'],
      ['B', '2026-11-18T10:00:00.000Z', 'J'],
    ] as const) {
      await db
        .insertInto('sessions')
        .values({
          id: S[key],
          organization_id: org,
          name: `Tree ${key}`,
          location: null,
          scheduled_start: start,
          scheduled_end: start,
          actual_start: null,
          actual_end: null,
          status: 'completed',
          late_after_minutes: null,
          updated_at: AT,
          seq: 0,
        })
        .execute();
      await db
        .insertInto('session_groups')
        .values({ organization_id: org, session_id: S[key], group_id: G[group] })
        .execute();
    }
    const records: [string, number, string][] = [
      ['A', 0, 'present'],
      ['A', 1, 'present'],
      ['A', 3, 'late'],
      ['A', 4, 'present'],
      ['B', 1, 'present'],
    ];
    const changes = records.map(([s, i, state]) =>
      change(ana, h.clock.now(), { sessionId: S[s as 'A' | 'B'], participantId: Q[i]!, state }),
    );
    expect((await push(h.app, ana, changes)).results.map((r) => r.status)).toEqual(
      changes.map(() => 'applied'),
    );
  });
  afterAll(() => h.close());

  it("expects the members of a session's subgroups, as the live page does", async () => {
    const a = await json(`reports/attendance?sessionId=${S.A}`);
    expect(a.totals).toMatchObject({ expected: 4, attended: 3, walkIns: 1, rate: 0.75 }); // Q0–Q3 expected; Q4 (Y) walked in
    expect(
      Object.fromEntries(
        a.totals.byState.map((b: { state: string; count: number }) => [b.state, b.count]),
      ),
    ).toMatchObject({ present: 3, late: 1, missing: 1 });
    expect(
      Object.fromEntries(
        a.rows.map((r: { participantId: string; state: string; expected: boolean }) => [
          r.participantId,
          [r.state, r.expected],
        ]),
      ),
    ).toEqual({
      [Q[0]!]: ['present', true],
      [Q[1]!]: ['present', true],
      [Q[2]!]: ['missing', true],
      [Q[3]!]: ['late', true],
      [Q[4]!]: ['present', false],
    });
    expect((await json(`sessions/${S.A}/live`)).expected).toBe(4);
    expect(await json(`reports/absentees?sessionId=${S.A}`)).toMatchObject({
      expected: 4,
      total: 1,
      rows: [{ participantId: Q[2], state: 'missing' }],
    });
  });

  it("gives a subgroup's view of its parent's session: its own subtree, the parent's direct members left out", async () => {
    const j = await json(`reports/attendance?sessionId=${S.A}&groupId=${G.J}`);
    expect(j.totals).toMatchObject({ expected: 3, attended: 2, walkIns: 1 });
    expect(j.rows.map((r: { participantId: string }) => r.participantId).sort()).toEqual(
      [Q[1], Q[2], Q[3], Q[4]].sort(),
    );
  });

  it("counts a parent group's range and trends against its whole subtree", async () => {
    const range = await json(`reports/attendance?groupId=${G.T}&from=2026-11-01&to=2026-11-30`);
    expect(range.sessions.map((s: { id: string; expected: number }) => [s.id, s.expected])).toEqual(
      [[S.A, 4]],
    ); // B belongs to J, not to T
    const trends = await json(`reports/trends?groupId=${G.T}&from=2026-11-09&to=2026-11-22`);
    expect(trends.weeks).toEqual([
      {
        week: '2026-W46',
        weekStart: '2026-11-09',
        sessions: 1,
        present: 4,
        expected: 4,
        rate: 0.75,
        attendees: 4,
        firstTime: 4,
        returning: 0,
      },
      {
        week: '2026-W47',
        weekStart: '2026-11-16',
        sessions: 0,
        present: 0,
        expected: 0,
        rate: null,
        attendees: 0,
        firstTime: 0,
        returning: 0,
      },
    ]);
  });

  it("finds subgroup members drifting from their ancestors' sessions", async () => {
    const ids = (r: { items: { participantId: string }[] }) =>
      r.items.map((i) => i.participantId).sort();
    expect(ids(await json(`reports/drifting?groupId=${G.T}&missed=1&of=1`))).toEqual([Q[2]]);
    expect(ids(await json(`reports/drifting?groupId=${G.J}&missed=1&of=1`))).toEqual(
      [Q[2], Q[3]].sort(),
    ); // K's Q3 was expected at B
    const all = await json('reports/drifting?missed=1&of=2');
    expect(
      all.items
        .filter((i: { participantId: string }) => Q.includes(i.participantId))
        .map((i: { participantId: string; missed: number; of: number }) => [
          i.participantId,
          i.missed,
          i.of,
        ])
        .sort(),
    ).toEqual(
      [
        [Q[2], 2, 2],
        [Q[3], 1, 2],
      ].sort(),
    ); // Q3 (K) is expected at A (T's) and B (J's)
  });
});
