// The demo works on any day: a later start finds today's sessions and shift, and the reports have
// history to show on the first visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, pullAll, type Harness } from '../../test/harness.ts';
import { localDateOf, localDayAround, wallClock, weekdayOf } from '@rollcall/shared';
import { keepDemoCurrent, seedDemoHistory } from './demo-days.ts';
import { DEMO_TIME_ZONE } from './demo-seed.ts';

const DAY = 24 * 3600_000;

describe.each(dialects)('the demo on any day, on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const sessionsOn = async (dayMs: number) => {
    // The demo's day, in its zone: the server's own zone (TZ in vitest.config.ts) plays no part.
    const day = localDayAround(dayMs, DEMO_TIME_ZONE);
    const [start, end] = [new Date(day.start).toISOString(), new Date(day.end).toISOString()];
    return h.db.kysely
      .selectFrom('sessions')
      .select(['name', 'status'])
      .where('organization_id', '=', h.demo.organizationId)
      .where('scheduled_start', '>=', start)
      .where('scheduled_start', '<', end)
      .orderBy('scheduled_start')
      .execute();
  };

  it('adds nothing on the day it was seeded', async () => {
    expect(await keepDemoCurrent(h.db.kysely, h.clock)).toEqual({
      sessions: 0,
      ended: 0,
      assignment: false,
    });
  });

  it("started again the next day, has that day's sessions and a temporary usher who can sign in", async () => {
    h.clock.advance(DAY);
    expect(await sessionsOn(h.clock.now())).toHaveLength(0);
    expect(await keepDemoCurrent(h.db.kysely, h.clock)).toEqual({
      sessions: 3,
      ended: 1,
      assignment: true,
    });
    expect(await sessionsOn(h.clock.now())).toEqual([
      { name: 'Sunday Service', status: 'active' },
      { name: 'Teens Meeting', status: 'scheduled' },
      { name: 'Evening Service', status: 'scheduled' },
    ]);
    // Yesterday's Sunday Service, left running, has ended: only today's is on now.
    expect(await sessionsOn(h.clock.now() - DAY)).toEqual([
      { name: 'Sunday Service', status: 'completed' },
      { name: 'Teens Meeting', status: 'scheduled' },
      { name: 'Evening Service', status: 'scheduled' },
    ]);
    expect(await keepDemoCurrent(h.db.kysely, h.clock)).toEqual({
      sessions: 0,
      ended: 0,
      assignment: false,
    });
    const temp = await login(h.app, 'temp@demo.rollcall.test');
    const pulled = await pullAll(h.app, temp);
    expect(pulled.pages.flatMap((p) => p.sessions).length).toBeGreaterThanOrEqual(6);
  });

  it('carries weeks of history: trends, attendance and drifting have something to show', async () => {
    await seedDemoHistory(h.db.kysely, h.clock, h.demo, h.demo.users.usher1!);
    const admin = await login(h.app, 'admin@demo.rollcall.test');
    const get = async (url: string) =>
      (await h.app.inject({ method: 'GET', url, headers: auth(admin) })).json();
    const trends = await get('/api/v1/reports/trends');
    // Weeks that hold only a past service (the last two also hold today's, not yet attended).
    const past = trends.weeks.filter(
      (w: { sessions: number; present: number }) => w.sessions === 1 && w.present > 0,
    );
    expect(past.length).toBeGreaterThanOrEqual(5);
    for (const w of past) expect(w.rate).toBeGreaterThan(0.4);
    const services = await h.db.kysely
      .selectFrom('sessions')
      .select('scheduled_start')
      .where('organization_id', '=', h.demo.organizationId)
      .where('status', '=', 'completed')
      // Not the seeded day's Sunday Service, which the next day ended.
      .where(
        'id',
        'not in',
        h.demo.sessions.map((x) => x.id),
      )
      .execute();
    expect(services).toHaveLength(6);
    for (const s of services) {
      const at = Date.parse(s.scheduled_start);
      expect(weekdayOf(localDateOf(at, DEMO_TIME_ZONE))).toBe(0); // Sundays
      expect(wallClock(at, DEMO_TIME_ZONE).hour).toBe(9);
    }
    const drifting = await get('/api/v1/reports/drifting');
    expect(drifting.total).toBeGreaterThan(0);
  });
});
