// A file of past attendance says "2026-03-07, 19:00": without a zone in the request, that is the
// organization's wall clock (here Los Angeles, the night before DST starts), not UTC and not the
// server's zone (Australia/Sydney under vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';

describe.each(dialects)("attendance import in the organization's zone on %s", (dialect) => {
  let h: Harness;
  let admin: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(admin),
      payload: { settings: { timeZone: 'America/Los_Angeles' } },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => h.close());

  it('reads dates and times on the organization clock when the request names no zone', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/attendance',
      headers: auth(admin),
      payload: {
        dryRun: false,
        rows: [
          {
            session_name: 'Saturday Vigil',
            session_date: '2026-03-07',
            session_time: '19:00',
            personal_code: h.demo.participants[0]?.personalCode,
            state: 'present',
            checked_in_at: '18:55',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const session = await h.db.kysely
      .selectFrom('sessions')
      .select(['id', 'scheduled_start'])
      .where('name', '=', 'Saturday Vigil')
      .executeTakeFirstOrThrow();
    expect(new Date(session.scheduled_start).toISOString()).toBe('2026-03-08T03:00:00.000Z');
    const record = await h.db.kysely
      .selectFrom('presence_records')
      .select('recorded_at')
      .where('session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(new Date(record.recorded_at).toISOString()).toBe('2026-03-08T02:55:00.000Z');
  });
});
