// The live page counts a session as countSession (packages/shared) defines it: expected members of
// the session's groups and their subgroups (active only), arrivals in any state that counts as
// present, walk-ins included. Fixture: parent group P with subgroup C; Pia (P) present, Cal (C)
// late, Ina (P, inactive) present, Wes (no group) present, Abe (C) absent, Flo (P) no record.
import { countSession, uuidv7 } from '@rollcall/shared';
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

const AT = '2026-01-01T00:00:00.000Z';
const START = Date.parse('2026-11-22T09:00:00.000Z');
const MIN = 60_000;

describe.each(dialects)('the live count agrees with countSession, on %s', (dialect) => {
  let h: Harness;
  let admin: Device, usher: Device;
  const [parent, child] = [uuidv7(), uuidv7()];
  const session = uuidv7();
  const people = {
    pia: { id: uuidv7(), active: 1, groups: [parent] },
    cal: { id: uuidv7(), active: 1, groups: [child] },
    ina: { id: uuidv7(), active: 0, groups: [parent] },
    wes: { id: uuidv7(), active: 1, groups: [] },
    abe: { id: uuidv7(), active: 1, groups: [child] },
    flo: { id: uuidv7(), active: 1, groups: [parent] },
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    [admin, usher] = await Promise.all([
      login(h.app, 'admin@demo.rollcall.test'),
      login(h.app, 'usher1@demo.rollcall.test'),
    ]);
    const org = h.demo.organizationId;
    const db = h.db.kysely;
    const row = { organization_id: org, updated_at: AT, seq: 0 };
    await db
      .insertInto('groups')
      .values([
        { ...row, id: parent, name: 'Live parent', parent_id: null, active: 1 },
        { ...row, id: child, name: 'Live child', parent_id: parent, active: 1 },
      ])
      .execute();
    for (const [name, p] of Object.entries(people)) {
      await db
        .insertInto('participants')
        .values({
          ...row,
          id: p.id,
          first_name: name,
          last_name: 'Live',
          preferred_name: null,
          personal_code: `lv-${p.id}`,
          external_key: null,
          qr_token: `lv-${p.id}`,
          guardian_name: null,
          guardian_phone: null,
          active: p.active,
          extra: '{}',
          created_at: AT,
        })
        .execute();
      for (const g of p.groups)
        await db
          .insertInto('group_memberships')
          .values({ organization_id: org, group_id: g, participant_id: p.id })
          .execute();
    }
    await db
      .insertInto('sessions')
      .values({
        ...row,
        id: session,
        name: 'Live count',
        location: null,
        scheduled_start: new Date(START).toISOString(),
        scheduled_end: new Date(START + 60 * MIN).toISOString(),
        actual_start: null,
        actual_end: null,
        status: 'scheduled',
        late_after_minutes: null,
      })
      .execute();
    await db
      .insertInto('session_groups')
      .values({ organization_id: org, session_id: session, group_id: parent })
      .execute();
    const at = (n: number) => START + n * MIN;
    const results = await push(h.app, usher, [
      change(usher, at(1), { sessionId: session, participantId: people.pia.id }),
      change(usher, at(20), { sessionId: session, participantId: people.cal.id, state: 'late' }),
      change(usher, at(2), { sessionId: session, participantId: people.ina.id }),
      change(usher, at(3), { sessionId: session, participantId: people.wes.id }),
      change(usher, at(4), { sessionId: session, participantId: people.abe.id, state: 'absent' }),
    ]);
    expect(results.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
  });
  afterAll(() => h.close());

  it('expects and counts who countSession expects and counts', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session}/live`,
      headers: auth(admin),
    });
    expect(res.statusCode, res.body).toBe(200);
    const live = res.json<{ expected: number; headcount: number }>();
    const shared = countSession({
      sessionGroupIds: [parent],
      groups: [
        { id: parent, parentId: null },
        { id: child, parentId: parent },
      ],
      participants: Object.values(people).map((p) => ({
        id: p.id,
        active: p.active === 1,
        groupIds: p.groups,
      })),
      records: [
        { participantId: people.pia.id, state: 'present' },
        { participantId: people.cal.id, state: 'late' },
        { participantId: people.ina.id, state: 'present' },
        { participantId: people.wes.id, state: 'present' },
        { participantId: people.abe.id, state: 'absent' },
      ],
      presentCodes: ['present', 'late'],
    });
    // Pia, Cal, Abe and Flo are expected (Ina is inactive); four arrived, two of them walk-ins.
    expect(shared).toEqual({ expected: 4, arrived: 4, arrivedExpected: 2, walkIns: 2 });
    expect({ expected: live.expected, arrived: live.headcount }).toEqual({
      expected: shared.expected,
      arrived: shared.arrived,
    });
  });
});
