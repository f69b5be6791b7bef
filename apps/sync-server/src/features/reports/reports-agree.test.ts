// One report, three readings: the JSON a screen shows, the CSV and the PDF say the same counts in
// the same words. Fixture: a group of three (Ada, Ben, Cy) and a visitor (Wes) at yesterday's
// session; Ada is also checked in 15 minutes before today's session, which starts in 10 minutes,
// and so is Cy, who missed yesterday's: an early arrival is all Cy has.
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
import { pdfText } from '../../test/pdf-text.ts';

const AT = '2026-01-01T00:00:00.000Z';
const TODAY = Date.parse('2026-11-22T18:00:00.000Z');
const YESTERDAY = TODAY - 86_400_000;
const MIN = 60_000;

describe.each(dialects)('attendance: JSON, CSV and PDF agree, on %s', (dialect) => {
  let h: Harness;
  let admin: Device, usher: Device;
  const group = uuidv7();
  const [ada, ben, cy, wes] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const [yesterday, today] = [uuidv7(), uuidv7()];
  const get = (url: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/reports/${url}`, headers: auth(admin) });
  const RANGE = `groupId=${group}&from=2026-11-20&to=2026-11-22`;

  beforeAll(async () => {
    h = await createHarness(dialect);
    [admin, usher] = await Promise.all([
      login(h.app, 'admin@demo.rollcall.test'),
      login(h.app, 'usher1@demo.rollcall.test'),
    ]);
    const org = h.demo.organizationId;
    const db = h.db.kysely;
    const row = { organization_id: org, updated_at: AT, seq: 0 };
    for (const [id, first] of [
      [ada, 'Ada'],
      [ben, 'Ben'],
      [cy, 'Cy'],
      [wes, 'Wes'],
    ] as const)
      await db
        .insertInto('participants')
        .values({
          ...row,
          id,
          first_name: first,
          last_name: 'Agree',
          preferred_name: null,
          personal_code: `ag-${id}`,
          external_key: null,
          qr_token: `ag-${id}`,
          guardian_name: null,
          guardian_phone: null,
          active: 1,
          extra: '{}',
          created_at: AT,
        })
        .execute();
    await db
      .insertInto('groups')
      .values({ ...row, id: group, name: 'Agreeable', parent_id: null, active: 1 })
      .execute();
    for (const p of [ada, ben, cy])
      await db
        .insertInto('group_memberships')
        .values({ organization_id: org, group_id: group, participant_id: p })
        .execute();
    for (const [id, name, start] of [
      [yesterday, 'Yesterday class', YESTERDAY],
      [today, 'Today class', TODAY],
    ] as const) {
      await db
        .insertInto('sessions')
        .values({
          ...row,
          id,
          name,
          location: null,
          scheduled_start: new Date(start).toISOString(),
          scheduled_end: new Date(start + 60 * MIN).toISOString(),
          actual_start: null,
          actual_end: null,
          status: 'scheduled',
          late_after_minutes: null,
        })
        .execute();
      await db
        .insertInto('session_groups')
        .values({ organization_id: org, session_id: id, group_id: group })
        .execute();
    }
    const results = await push(h.app, usher, [
      change(usher, YESTERDAY + 2 * MIN, { sessionId: yesterday, participantId: ada }),
      change(usher, YESTERDAY + 30 * MIN, {
        sessionId: yesterday,
        participantId: ben,
        state: 'late',
      }),
      change(usher, YESTERDAY + 5 * MIN, { sessionId: yesterday, participantId: wes }),
      // Early: a quarter of an hour before today's start.
      change(usher, TODAY - 15 * MIN, { sessionId: today, participantId: ada }),
      change(usher, TODAY - 14 * MIN, { sessionId: today, participantId: cy }),
    ]);
    expect(results.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    h.clock.set(TODAY - 10 * MIN);
  });
  afterAll(() => h.close());

  const report = async () => {
    const res = await get(`attendance?${RANGE}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      totals: {
        present: number;
        attended: number;
        expected: number;
        byState: { state: string; label: string; count: number }[];
      };
      sessions: { name: string; attended: number; present: number }[];
      rows: { participantName: string; sessionName: string; stateLabel: string }[];
    }>();
  };

  it('counts an early arrival as attended, before the session has even started', async () => {
    const r = await report();
    expect(r.sessions.map((s) => [s.name, s.attended, s.present])).toEqual([
      ['Yesterday class', 2, 3],
      ['Today class', 2, 2],
    ]);
    expect(r.rows).toContainEqual(
      expect.objectContaining({
        participantName: 'Ada Agree',
        sessionName: 'Today class',
        stateLabel: 'Present',
      }),
    );
  });

  it('agrees with the drifting list: an early arrival is not a miss', async () => {
    const drifting = async (q: string) => {
      const res = await get(`drifting?groupId=${group}&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { participantName: string; missed: number; of: number }[] }>().items;
    };
    // Their last session is today's: Cy is there (early), Ben is not.
    expect(await drifting('missed=1&of=1')).toEqual([
      expect.objectContaining({ participantName: 'Ben Agree', missed: 1, of: 1 }),
    ]);
    expect(await drifting('missed=1&of=2')).toEqual([
      expect.objectContaining({ participantName: 'Ben Agree', missed: 1, of: 2 }),
      expect.objectContaining({ participantName: 'Cy Agree', missed: 1, of: 2 }),
    ]);
    expect(await drifting('missed=2&of=2')).toEqual([]);
  });

  it('has one headline: everyone who attended is the sum of the present states', async () => {
    const { totals } = await report();
    const count = (label: string) => totals.byState.find((b) => b.label === label)?.count;
    expect([totals.present, totals.attended, totals.expected]).toEqual([5, 4, 6]);
    expect([count('Present'), count('Late'), count('No record')]).toEqual([4, 1, 2]);
    expect(totals.present).toBe((count('Present') ?? 0) + (count('Late') ?? 0));
  });

  it("names one session's PDF by the session and its day", async () => {
    const res = await get(`attendance?sessionId=${yesterday}&format=pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="rollcall-attendance-yesterday-class-2026-11-21.pdf"; filename*=UTF-8''rollcall-attendance-yesterday-class-2026-11-21.pdf`,
    );
  });

  it('says the same states, in the same words, in the table, the CSV and the PDF', async () => {
    const r = await report();
    const words = (states: string[]) =>
      Object.fromEntries(
        [...new Set(states)].sort().map((w) => [w, states.filter((s) => s === w).length]),
      );
    const expected = Object.fromEntries(
      r.totals.byState.filter((b) => b.count > 0).map((b) => [b.label, b.count]),
    );
    expect(words(r.rows.map((row) => row.stateLabel))).toEqual(expected);

    const csv = (await get(`attendance?${RANGE}&format=csv`)).body.trim().split('\r\n');
    const header = (csv[0] ?? '').split(',');
    const stateAt = header.indexOf('state');
    expect(words(csv.slice(1).map((line) => line.split(',')[stateAt] ?? ''))).toEqual(expected);

    const pdfRes = await get(`attendance?${RANGE}&format=pdf`);
    expect(pdfRes.headers['content-disposition']).toBe(
      `attachment; filename="rollcall-attendance-agreeable-2026-11-20-to-2026-11-22.pdf"; filename*=UTF-8''rollcall-attendance-agreeable-2026-11-20-to-2026-11-22.pdf`,
    );
    const pdf = await pdfText(pdfRes.rawPayload);
    const people = pdf.text
      .split('\n')
      .filter((l) => l.includes(' Agree |') || l.includes(' Agree (walk-in) |'));
    const pdfStates = people.map((l) => l.split(' | ')[3] ?? '');
    expect(words(pdfStates)).toEqual(expected);
    expect(pdf.text).not.toMatch(/\bmissing\b/);
    // The headline's numbers, as on screen.
    for (const fact of ['Attended', '5', 'Members', '4 of 6 expected', 'Walk-ins', '1'])
      expect(pdf.text).toContain(fact);
  });

  // The contract: the one definition in packages/shared, fed the raw rows, counts as the SQL does.
  it('counts each session as countSession (packages/shared) does', async () => {
    const db = h.db.kysely;
    const org = h.demo.organizationId;
    const [groups, people, memberships, states] = await Promise.all([
      db
        .selectFrom('groups')
        .select(['id', 'parent_id'])
        .where('organization_id', '=', org)
        .execute(),
      db
        .selectFrom('participants')
        .select(['id', 'active'])
        .where('organization_id', '=', org)
        .execute(),
      db
        .selectFrom('group_memberships')
        .select(['participant_id', 'group_id'])
        .where('organization_id', '=', org)
        .execute(),
      db
        .selectFrom('presence_states')
        .select(['code', 'counts_as_present'])
        .where('organization_id', '=', org)
        .execute(),
    ]);
    const groupIdsOf = (id: string) =>
      memberships.filter((m) => m.participant_id === id).map((m) => m.group_id);
    for (const session of [yesterday, today]) {
      const records = await db
        .selectFrom('presence_records')
        .select(['participant_id', 'state'])
        .where('session_id', '=', session)
        .execute();
      const shared = countSession({
        sessionGroupIds: [group],
        groups: groups.map((g) => ({ id: g.id, parentId: g.parent_id })),
        participants: people.map((p) => ({
          id: p.id,
          active: Number(p.active) === 1,
          groupIds: groupIdsOf(p.id),
        })),
        records: records.map((r) => ({ participantId: r.participant_id, state: r.state })),
        presentCodes: states.filter((s) => Number(s.counts_as_present) === 1).map((s) => s.code),
      });
      const res = await get(`attendance?sessionId=${session}`);
      const s = res.json<{
        sessions: { expected: number; present: number; attended: number; walkIns: number }[];
      }>().sessions[0];
      expect(s).toEqual(
        expect.objectContaining({
          expected: shared.expected,
          present: shared.arrived,
          attended: shared.arrivedExpected,
          walkIns: shared.walkIns,
        }),
      );
    }
  });
});
