// What an export is saved as: the report and what it covers (the session and its day, or the group
// and the dates), in the organization's days, by the rule the web's own downloads follow; a plain
// ASCII `filename=` for old clients and the exact name in `filename*=UTF-8''`. The organization is
// in Los Angeles and it is Sunday 22 November, 9 pm there (already Monday in UTC, and in Sydney,
// where vitest runs the server); its evening meeting started at 8:30 pm.
import { downloadName, uuidv7 } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';

const LA = 'America/Los_Angeles';
const AT = '2026-01-01T00:00:00.000Z';
const NOW = Date.parse('2026-11-23T05:00:00.000Z');
const MEETING_START = '2026-11-23T04:30:00.000Z';

/** The Content-Disposition, read: its ASCII fallback and its exact (UTF-8) name. */
function disposition(header: unknown) {
  const m = /^attachment; filename="([\x20-\x7e]+)"; filename\*=UTF-8''([!-~]+)$/.exec(
    String(header),
  );
  expect(m, String(header)).not.toBeNull();
  return { ascii: m?.[1], name: decodeURIComponent(m?.[2] ?? '') };
}

describe.each(dialects)('export file names, on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  const group = uuidv7();
  const meeting = uuidv7();
  const download = async (url: string) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${url}`,
      headers: auth(admin),
    });
    expect(res.statusCode, res.body).toBe(200);
    return disposition(res.headers['content-disposition']);
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    h.clock.set(NOW);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    const row = { organization_id: h.demo.organizationId, updated_at: AT, seq: 0 };
    const db = h.db.kysely;
    await db
      .insertInto('groups')
      .values({ ...row, id: group, name: 'Jóvenes', parent_id: null, active: 1 })
      .execute();
    await db
      .insertInto('sessions')
      .values({
        ...row,
        id: meeting,
        name: 'Reunión de Łucja',
        location: null,
        scheduled_start: MEETING_START,
        scheduled_end: '2026-11-23T06:00:00.000Z',
        actual_start: null,
        actual_end: null,
        status: 'scheduled',
        late_after_minutes: null,
      })
      .execute();
    await db
      .insertInto('session_groups')
      .values({ organization_id: h.demo.organizationId, session_id: meeting, group_id: group })
      .execute();
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(admin),
      payload: { settings: { timeZone: LA } },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => h.close());

  it("names one session's export by the session and its local day", async () => {
    expect(await download(`attendance?sessionId=${meeting}&format=csv`)).toEqual({
      ascii: 'rollcall-attendance-reunion-de-ucja-2026-11-22.csv',
      name: 'rollcall-attendance-reunión-de-łucja-2026-11-22.csv',
    });
    expect(await download(`absentees?sessionId=${meeting}&format=pdf`)).toEqual({
      ascii: 'rollcall-absentees-reunion-de-ucja-2026-11-22.pdf',
      name: 'rollcall-absentees-reunión-de-łucja-2026-11-22.pdf',
    });
  });

  it('names a range export by the group and the dates, as the web names its own download', async () => {
    const range = { from: '2026-11-01', to: '2026-11-22' };
    const csv = await download(
      `attendance?groupId=${group}&from=${range.from}&to=${range.to}&format=csv`,
    );
    expect(csv).toEqual({
      ascii: 'rollcall-attendance-jovenes-2026-11-01-to-2026-11-22.csv',
      name: 'rollcall-attendance-jóvenes-2026-11-01-to-2026-11-22.csv',
    });
    const web = { zone: LA, nowMs: NOW, group: { name: 'Jóvenes' }, range };
    expect(csv.name).toBe(downloadName({ ...web, kind: 'attendance', format: 'csv' }));
    expect(
      (await download(`trends?groupId=${group}&from=${range.from}&to=${range.to}&format=pdf`)).name,
    ).toBe(downloadName({ ...web, kind: 'trends', format: 'pdf' }));
  });

  it('takes the local date late in the evening, not the UTC one', async () => {
    // Without dates: the report covers the year up to now, which is still the 22nd in Los Angeles.
    expect((await download(`attendance?groupId=${group}&format=csv`)).name).toBe(
      'rollcall-attendance-jóvenes-2025-11-22-to-2026-11-22.csv',
    );
    expect(await download('drifting?format=csv')).toEqual({
      ascii: 'rollcall-drifting-2026-11-22.csv',
      name: 'rollcall-drifting-2026-11-22.csv',
    });
    expect((await download(`drifting?groupId=${group}&format=pdf`)).name).toBe(
      'rollcall-drifting-jóvenes-2026-11-22.pdf',
    );
    expect((await download('usher-activity?format=csv')).name).toBe(
      'rollcall-usher-activity-2025-11-22-to-2026-11-22.csv',
    );
  });
});
