// PDF exports, parsed back with pdf.js and checked against hand-computed figures. Group R has Ada
// Quill, Bram Stoke, Łucja Voss, Dev Narang and Eli Moss; Faye Walker belongs to no group (a
// walk-in). S1 (Nov 8): Ada present, Bram late, Łucja absent, Faye present. S2 (Nov 15): Ada, Bram
// and Łucja present, Dev excused. Group B has 120 people and one session with no records, to fill
// pages. The other organization has Zed Outsider, who must never show up in ours (nor ours in his).
// The demo organization is a church: its PDFs say Service, Member and Ministry (its labels).
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
import { pdfText, type PdfText } from '../../test/pdf-text.ts';

const AT = '2026-10-01T00:00:00.000Z';
const R_NAMES = [
  ['Ada', 'Quill'],
  ['Bram', 'Stoke'],
  ['Łucja', 'Voss'],
  ['Dev', 'Narang'],
  ['Eli', 'Moss'],
] as const;
const BULK = 120;
const bulkName = (i: number) => `Person ${String(i).padStart(3, '0')}`;
const person = (org: string, first: string, last: string, id = uuidv7()) => ({
  id,
  organization_id: org,
  first_name: first,
  last_name: last,
  preferred_name: null,
  personal_code: `pdf-${id}`,
  external_key: null,
  qr_token: `pdf-${id}`,
  guardian_name: null,
  guardian_phone: null,
  active: 1,
  extra: '{}',
  created_at: AT,
  updated_at: AT,
  seq: 0,
});

/** A completed session of one group (its end defaults to its start). */
async function addSession(
  db: Harness['db']['kysely'],
  org: string,
  s: { id: string; name: string; start: string; end?: string },
  group: string,
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      organization_id: org,
      name: s.name,
      location: null,
      scheduled_start: s.start,
      scheduled_end: s.end ?? s.start,
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
    .values({ organization_id: org, session_id: s.id, group_id: group })
    .execute();
}

describe.each(dialects)('PDF exports on %s', (dialect) => {
  let h: Harness;
  let admin: Device, manager: Device, ana: Device, ben: Device, foreign: Device;
  let ids: { ada: string; faye: string };
  const G = { R: uuidv7(), B: uuidv7(), F: uuidv7() };
  const S = { S1: uuidv7(), S2: uuidv7(), SB: uuidv7(), SF: uuidv7() };
  const get = (url: string, who: Device = manager, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${url}`,
      headers: { ...auth(who), ...headers },
    });
  const pdf = async (url: string, who: Device = manager): Promise<PdfText> => {
    const res = await get(url, who);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    return pdfText(res.rawPayload);
  };

  async function seedOrg(org: string, db: Harness['db']['kysely']) {
    const r = R_NAMES.map(([first, last]) => person(org, first, last));
    const bulk = Array.from({ length: BULK }, (_, i) => person(org, 'Bulk', bulkName(i + 1)));
    const faye = person(org, 'Faye', 'Walker');
    await db
      .insertInto('participants')
      .values([...r, ...bulk, faye])
      .execute();
    await db
      .insertInto('groups')
      .values(
        [
          { id: G.R, name: 'Reports R' },
          { id: G.B, name: 'Bulk B' },
        ].map((g) => ({
          ...g,
          organization_id: org,
          parent_id: null,
          active: 1,
          updated_at: AT,
          seq: 0,
        })),
      )
      .execute();
    await db
      .insertInto('group_memberships')
      .values(
        [
          ...r.map((p) => ({ group_id: G.R, participant_id: p.id })),
          ...bulk.map((p) => ({ group_id: G.B, participant_id: p.id })),
        ].map((m) => ({ ...m, organization_id: org })),
      )
      .execute();
    for (const [id, name, start, group] of [
      [S.S1, 'Sunday S1', '2026-11-08T10:00:00.000Z', G.R],
      [S.S2, 'Sunday S2', '2026-11-15T10:00:00.000Z', G.R],
      [S.SB, 'Bulk class', '2026-11-18T10:00:00.000Z', G.B],
    ] as const)
      await addSession(db, org, { id, name, start }, group);
    return { r, faye };
  }

  async function seedForeign(db: Harness['db']['kysely']) {
    const org = h.other.organizationId;
    const zed = person(org, 'Zed', 'Outsider');
    await db.insertInto('participants').values(zed).execute();
    await db
      .insertInto('groups')
      .values({
        id: G.F,
        organization_id: org,
        name: 'Foreign F',
        parent_id: null,
        active: 1,
        updated_at: AT,
        seq: 0,
      })
      .execute();
    await db
      .insertInto('group_memberships')
      .values({ organization_id: org, group_id: G.F, participant_id: zed.id })
      .execute();
    const start = '2026-11-10T10:00:00.000Z';
    await addSession(db, org, { id: S.SF, name: 'Foreign session', start }, G.F);
  }

  beforeAll(async () => {
    h = await createHarness(dialect);
    [admin, manager, ana, ben, foreign] = await Promise.all([
      login(h.app, 'admin@demo.rollcall.test'),
      login(h.app, 'manager@demo.rollcall.test'),
      login(h.app, 'usher1@demo.rollcall.test'),
      login(h.app, 'usher2@demo.rollcall.test'),
      login(h.app, 'admin@other.demo.rollcall.test'),
    ]);
    const { r, faye } = await seedOrg(h.demo.organizationId, h.db.kysely);
    ids = { ada: r[0]!.id, faye: faye.id };
    await seedForeign(h.db.kysely);
    const [ada, bram, lucja, dev] = r.map((p) => p.id);
    // Recorded four minutes after each session started (the device's clock, as a check-in would be).
    const at = (s: string) => Date.parse(s) + 4 * 60_000;
    const plan: [Device, number, string, string, string][] = [
      [ana, at('2026-11-08T10:00:00Z'), ada!, 'present', 'qr'],
      [ana, at('2026-11-08T10:00:00Z'), bram!, 'late', 'code'],
      [ben, at('2026-11-08T10:00:00Z'), lucja!, 'absent', 'manual'],
      [ben, at('2026-11-08T10:00:00Z'), faye.id, 'present', 'search'],
      [ana, at('2026-11-15T10:00:00Z'), ada!, 'present', 'qr'],
      [ana, at('2026-11-15T10:00:00Z'), bram!, 'present', 'qr'],
      [ben, at('2026-11-15T10:00:00Z'), lucja!, 'present', 'code'],
      [ben, at('2026-11-15T10:00:00Z'), dev!, 'excused', 'manual'],
    ];
    for (const device of [ana, ben]) {
      const changes = plan
        .filter((p) => p[0] === device)
        .map(([, ms, participantId, state, method]) =>
          change(device, ms, {
            sessionId: ms < Date.parse('2026-11-10T00:00:00Z') ? S.S1 : S.S2,
            participantId,
            state,
            method: method,
          }),
        );
      expect((await push(h.app, device, changes)).results.map((x) => x.status)).toEqual(
        changes.map(() => 'applied'),
      );
    }
  });
  afterAll(() => h.close());

  it('prints one session as an attendance sheet: every expected participant, walk-ins marked, totals by state', async () => {
    const res = await get(`attendance?sessionId=${S.S1}&format=pdf`);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="rollcall-attendance-sunday-s1-2026-11-08.pdf"; filename*=UTF-8''rollcall-attendance-sunday-s1-2026-11-08.pdf`,
    );
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.slice(0, 3)).toEqual([
      'Grace Community Church | Generated 2026-11-22 09:30',
      'Attendance sheet',
      'Service: Sunday S1, 2026-11-08 10:00 · Times in UTC',
    ]);
    expect(pages[0]).toEqual(
      expect.arrayContaining([
        // Everyone who attended, then the members of how many expected: one headline, as on screen.
        'Attended | Members | Rate | Walk-ins',
        '3 | 2 of 5 expected | 40% | 1',
        '# | Member | Ministry | State | Arrived | Method | Signature',
        '1 | Eli Moss | Reports R | No record',
        '2 | Dev Narang | Reports R | No record',
        '3 | Ada Quill | Reports R | Present | 10:04 | qr',
        '4 | Bram Stoke | Reports R | Late | 10:04 | code',
        '5 | Łucja Voss | Reports R | Absent | 10:04 | manual',
        '6 | Faye Walker | walk-in | Present | 10:04 | search',
        'Present | 2',
        'Late | 1',
        'Absent | 1',
        'Excused | 0',
        'No record | 2',
        'Members listed | 6',
        'Rollcall · Attendance sheet | Page 1',
      ]),
    );
    expect(text).not.toContain('Lucja'); // printed as written, not folded
  });

  it('breaks a long sheet over pages, repeating the header row, and loses no one', async () => {
    const short = await pdf(`attendance?sessionId=${S.S1}&format=pdf`);
    const long = await pdf(`attendance?sessionId=${S.SB}&format=pdf`);
    expect(long.pages.length).toBeGreaterThanOrEqual(4); // 120 rows of 20 pt, about 34 to a page
    expect(long.pages.length).toBeGreaterThan(short.pages.length);
    long.pages.forEach((lines, i) => {
      expect(lines[1]).toBe('Attendance sheet');
      expect(lines.at(-1)).toBe(`Rollcall · Attendance sheet | Page ${i + 1}`);
      expect(lines).toContain('# | Member | Ministry | State | Arrived | Method | Signature');
    });
    const listed = long.pages.flat().filter((l) => / \| Bulk Person \d{3} \| /.test(l));
    expect(listed).toEqual(
      Array.from(
        { length: BULK },
        (_, i) => `${i + 1} | Bulk Person ${String(i + 1).padStart(3, '0')} | Bulk B | No record`,
      ),
    );
    expect(long.pages.at(-1)).toEqual(
      expect.arrayContaining(['No record | 120', `Members listed | ${BULK}`]),
    );
  });

  it('prints an arrival after midnight with its day, not a date cut short (a watch-night service)', async () => {
    const vigil = uuidv7();
    const night = { start: '2026-12-31T23:40:00.000Z', end: '2027-01-01T00:40:00.000Z' };
    await addSession(
      h.db.kysely,
      h.demo.organizationId,
      { id: vigil, name: 'Watch night', ...night },
      G.B,
    );
    const changes = [
      change(ana, Date.parse('2026-12-31T23:52:00Z'), {
        sessionId: vigil,
        participantId: ids.ada,
        state: 'present',
        method: 'qr',
      }),
      change(ana, Date.parse('2027-01-01T00:10:00Z'), {
        sessionId: vigil,
        participantId: ids.faye,
        state: 'present',
        method: 'code',
      }),
    ];
    expect((await push(h.app, ana, changes)).results.map((x) => x.status)).toEqual([
      'applied',
      'applied',
    ]);
    const sheet = await pdf(`attendance?sessionId=${vigil}&format=pdf`);
    // Bulk B's 120 members first (Person 001…), then the two walk-ins.
    expect(sheet.pages.flat()).toEqual(
      expect.arrayContaining([
        '121 | Ada Quill | walk-in | Present | 23:52 | qr',
        '122 | Faye Walker | walk-in | Present | 01-01 00:10 | code',
      ]),
    );
    const range = await pdf(`attendance?groupId=${G.B}&from=2026-12-31&to=2027-01-01&format=pdf`);
    expect(range.pages.flat()).toEqual(
      expect.arrayContaining([
        'Watch night | 2026-12-31 | Ada Quill (walk-in) | Present | qr | 23:52 | Ana Usher',
        'Watch night | 2026-12-31 | Faye Walker (walk-in) | Present | code | 01-01 00:10 | Ana Usher',
      ]),
    );
  });

  it('summarizes a group over dates: totals by state and rate, the sessions, every row', async () => {
    const { pages, text } = await pdf(
      `attendance?groupId=${G.R}&from=2026-11-01&to=2026-11-20&format=pdf`,
    );
    expect(pages[0]).toEqual(
      expect.arrayContaining([
        'Attendance report',
        'Ministry: Reports R and its subgroups · From 2026-11-01 to 2026-11-20 · Times in UTC',
        'Services | Attended | Members | Rate',
        '2 | 6 | 5 of 10 expected | 50%',
        'Walk-ins | Present | Late | Absent',
        '1 | 5 | 1 | 1',
        'Excused | No record',
        '1 | 3',
        'Sunday S1 | 2026-11-08 10:00 | 5 | 2 | 1 | 40%',
        'Sunday S2 | 2026-11-15 10:00 | 5 | 3 | 0 | 60%',
        'Sunday S1 | 2026-11-08 | Faye Walker (walk-in) | Present | search | 10:04 | Ben Usher',
        'Sunday S2 | 2026-11-15 | Dev Narang | Excused | manual | 10:04 | Ben Usher',
      ]),
    );
    expect(text.match(/^Sunday S\d \| 2026-11-\d\d \| /gm)).toHaveLength(11); // 6 rows of S1, 5 of S2
  });

  it("draws the trends summary: the chart's axes and weeks, first-time and returning, the weeks table", async () => {
    const res = await get(`trends?groupId=${G.R}&from=2026-11-02&to=2026-11-15`, manager, {
      accept: 'application/pdf',
    });
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="rollcall-trends-reports-r-2026-11-02-to-2026-11-15.pdf"; filename*=UTF-8''rollcall-trends-reports-r-2026-11-02-to-2026-11-15.pdf`,
    );
    const { pages } = await pdfText(res.rawPayload);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toEqual(
      expect.arrayContaining([
        'Weekly trends',
        'Weeks | Services | Attended records | First-time attendees',
        '2 | 2 | 6 | 4',
        'Returning (sum of weeks) | Latest week | Latest attendees | Latest rate',
        '2 | 2026-W46 | 3 | 60%',
        'Attendees | Rate',
        '4 | 100%',
        '2 | 50%',
        '0 | 0%',
        'Nov 2 | Nov 9',
        'Returning | First-time | Attendance rate', // 3 attendees at most: the axis tops at 4
        '2026-W45 | 2026-11-02 | 1 | 3 | 5 | 40% | 3 | 3 | 0',
        '2026-W46 | 2026-11-09 | 1 | 3 | 5 | 60% | 3 | 1 | 2',
      ]),
    );
  });

  it('tables absentees, who is drifting, and check-ins per usher', async () => {
    const absent = await pdf(`absentees?sessionId=${S.S1}&format=pdf`);
    expect(absent.pages[0]).toEqual(
      expect.arrayContaining([
        'Absentees',
        'Expected | Absent or no record',
        '5 | 3',
        '1 | Eli Moss | Reports R | No record',
        '2 | Dev Narang | Reports R | No record',
        '3 | Łucja Voss | Reports R | Absent | manual | 2026-11-08 10:04 | Ben Usher',
      ]),
    );
    expect(absent.text).not.toMatch(/Ada Quill|Faye Walker/);
    const drifting = await pdf(`drifting?groupId=${G.R}&missed=2&of=2&format=pdf`);
    expect(drifting.pages[0]).toEqual(
      expect.arrayContaining([
        'Ministry: Reports R and its subgroups · Missed at least 2 of their last 2 services · Times in UTC',
        '1 | Eli Moss | 2 | 2 | never',
        'Members drifting',
        '1',
      ]),
    );
    expect(drifting.text).not.toMatch(/Dev Narang|Łucja Voss/); // one miss each: excused is not missed
    const ushers = await pdf(`usher-activity?sessionId=${S.S1}&format=pdf`);
    expect(ushers.pages[0]).toEqual(
      expect.arrayContaining([
        'Services | Check-ins | Ushers',
        '1 | 4 | 2',
        'Usher | Role | Total | code | manual | qr | search',
        'Ana Usher | usher | 2 | 1 | 0 | 1 | 0',
        'Ben Usher | usher | 2 | 0 | 1 | 0 | 1',
      ]),
    );
  });

  it('is for admins and managers, of their own organization only', async () => {
    const urls = [
      `attendance?sessionId=${S.S1}`,
      `absentees?sessionId=${S.S1}`,
      `drifting?groupId=${G.R}`,
      `trends?groupId=${G.R}`,
      `usher-activity?sessionId=${S.S1}`,
    ];
    for (const url of urls) {
      expect((await get(`${url}&format=pdf`, admin)).headers['content-type'], url).toBe(
        'application/pdf',
      );
      expect((await get(`${url}&format=pdf`, ana)).statusCode, url).toBe(403);
      expect((await get(url, ana, { accept: 'application/pdf' })).statusCode, url).toBe(403);
      const theirs = await get(`${url}&format=pdf`, foreign);
      expect([theirs.statusCode, theirs.headers['content-type']], url).toEqual([
        404,
        expect.stringMatching(/^application\/json/),
      ]);
    }
    const ours = await Promise.all(
      [
        `attendance?sessionId=${S.S1}`,
        `attendance?groupId=${G.R}`,
        `absentees?sessionId=${S.S1}`,
        'drifting?missed=1&of=3',
        `trends?groupId=${G.R}`,
        'usher-activity?from=2026-01-01',
      ].map((url) => pdf(`${url}&format=pdf`)),
    );
    for (const p of ours) expect(p.text).not.toContain('Zed Outsider');
    expect(ours[3]!.text).toContain('Eli Moss'); // the same report does list our own
    const theirs = await pdf('drifting?missed=1&of=3&format=pdf', foreign);
    expect(theirs.text).toContain('Zed Outsider');
    expect(theirs.text).not.toMatch(/Eli Moss|Dev Narang|Grace Community Church/);
  });

  it('answers a bad query with a 4xx, not a broken download', async () => {
    expect((await get(`attendance?sessionId=${uuidv7()}&format=pdf`)).json()).toMatchObject({
      statusCode: 404,
    });
    expect((await get('attendance?format=pdf')).json()).toMatchObject({
      statusCode: 400,
      details: [{ path: 'querystring/sessionId' }],
    });
    expect((await get(`attendance?sessionId=${S.S1}&format=docx`)).json()).toMatchObject({
      statusCode: 400,
    });
    expect((await get(`drifting?groupId=${uuidv7()}&format=pdf`)).statusCode).toBe(404);
  });
});
