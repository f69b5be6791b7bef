// Sessions admin: a recurring series is created all at once or not at all, and devices pull it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  pullAll,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('session series on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let usher: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const week = (n: number, hour = 9) => ({
    scheduledStart: new Date(Date.UTC(2026, 11, 6 + 7 * n, hour)).toISOString(),
    scheduledEnd: new Date(Date.UTC(2026, 11, 6 + 7 * n, hour + 2)).toISOString(),
  });
  const series = (who: Device, occurrences: object[]) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/series',
      headers: auth(who),
      payload: { name: 'Bible study', location: 'Room 2', groupIds: [], occurrences },
    });

  it('creates one session per occurrence and devices pull every one', async () => {
    const res = await series(admin, [week(0), week(1), week(2)]);
    expect(res.statusCode).toBe(201);
    expect(res.json().items.map((s: { scheduledStart: string }) => s.scheduledStart)).toEqual(
      [week(0), week(1), week(2)].map((w) => w.scheduledStart),
    );
    const pulled = await pullAll(h.app, usher);
    expect(
      pulled.pages.flatMap((p) => p.sessions).filter((s) => s.name === 'Bible study'),
    ).toHaveLength(3);
  });

  it("pulls and lists each session's groups (devices build the roster from them)", async () => {
    const pulled = (await pullAll(h.app, usher)).pages
      .flatMap((p) => p.sessions)
      .find((s) => s.name === 'Sunday Service')!;
    expect(pulled.groupIds).toHaveLength(3);
    const listed = (
      await h.app.inject({ method: 'GET', url: '/api/v1/sessions', headers: auth(admin) })
    )
      .json()
      .items.find((s: { name: string }) => s.name === 'Sunday Service');
    expect(listed.groupIds.sort()).toEqual([...pulled.groupIds].sort());
  });

  it("lists a participant's attendance history, newest first, for admins and managers only", async () => {
    const p = h.demo.participants[0]!.id;
    await push(h.app, usher, [
      change(usher, h.clock.now(), {
        sessionId: h.demo.sessions[0]!.id,
        participantId: p,
        state: 'late',
      }),
    ]);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/participants/${p}/attendance`,
      headers: auth(admin),
    });
    expect(res.json().items).toMatchObject([
      {
        sessionName: 'Sunday Service',
        state: 'late',
        method: 'qr',
        recordedBy: 'Ana Usher',
        hasConflict: false,
      },
    ]);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/participants/${p}/attendance`,
          headers: auth(usher),
        })
      ).statusCode,
    ).toBe(403);
    const foreign = await login(h.app, 'admin@other.demo.rollcall.test');
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/participants/${p}/attendance`,
          headers: auth(foreign),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('creates nothing when one occurrence is wrong, and says which', async () => {
    const before = (
      await h.app.inject({ method: 'GET', url: '/api/v1/sessions', headers: auth(admin) })
    ).json().items.length;
    const bad = { scheduledStart: week(4).scheduledEnd, scheduledEnd: week(4).scheduledStart };
    const res = await series(admin, [week(3), bad]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Occurrence 2 ends before it starts/);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/sessions', headers: auth(admin) })).json()
        .items,
    ).toHaveLength(before);
    expect((await series(usher, [week(5)])).statusCode).toBe(403);
  });
  it('edits a session: name, times and expected groups; devices pull the edit', async () => {
    const created = (await series(admin, [week(6)])).json().items[0];
    const [g1, g2] = h.demo.groups;
    const moved = week(6, 18);
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${created.id}`,
      headers: auth(admin),
      payload: { name: 'Bible study (evening)', ...moved, groupIds: [g1, g2] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Bible study (evening)', ...moved });
    expect([...res.json().groupIds].sort()).toEqual([g1, g2].sort());
    // Groups are replaced, not added to.
    const again = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${created.id}`,
      headers: auth(admin),
      payload: { groupIds: [g2] },
    });
    expect(again.json().groupIds).toEqual([g2]);
    const pulled = (await pullAll(h.app, usher)).pages.flatMap((p) => p.sessions);
    expect(pulled.filter((x) => x.id === created.id).at(-1)).toMatchObject({
      name: 'Bible study (evening)',
      ...moved,
      groupIds: [g2],
    });
  });

  it("refuses an edit that ends before it starts, or names another organization's group", async () => {
    const created = (await series(admin, [week(7)])).json().items[0];
    const patch = (payload: object) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/v1/sessions/${created.id}`,
        headers: auth(admin),
        payload,
      });
    const early = await patch({ scheduledEnd: week(7, 8).scheduledStart });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(/scheduledEnd must be after scheduledStart/);
    const foreign = await patch({ groupIds: [h.other.groups[0]] });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
    const now = (
      await h.app.inject({ method: 'GET', url: '/api/v1/sessions', headers: auth(admin) })
    )
      .json()
      .items.find((x: { id: string }) => x.id === created.id);
    expect(now).toMatchObject({ ...week(7), groupIds: [] });
  });
});
