import { PROTOCOL_VERSION } from '@rollcall/shared';
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

describe.each(dialects)('pull on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  beforeAll(async () => {
    h = await createHarness(dialect, { participants: 50 });
    ana = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  it('returns the whole organization on a first pull, paged, with each row once', async () => {
    const { pages, participants } = await pullAll(h.app, ana, undefined, 7);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
    expect(pages.at(-1)!.hasMore).toBe(false);
    expect(participants.map((p) => p.id).sort()).toEqual(
      h.demo.participants.map((p) => p.id).sort(),
    );
    const all = pages.flatMap((p) =>
      [...p.participants, ...p.sessions, ...p.groups, ...p.presenceStates, ...p.users].map(
        (r) => r.id,
      ),
    );
    expect(new Set(all).size).toBe(all.length);
    expect(pages.flatMap((p) => p.presenceStates).map((s) => s.code)).toEqual([
      'present',
      'late',
      'absent',
      'excused',
    ]);
    expect(pages.flatMap((p) => p.participants)[0]!.groupIds.length).toBeGreaterThan(0);
  });

  it('returns only what changed after a cursor', async () => {
    const { cursor } = await pullAll(h.app, ana);
    const empty = await pullAll(h.app, ana, cursor);
    expect(empty.records).toHaveLength(0);
    expect(empty.participants).toHaveLength(0);
    await push(h.app, ana, [
      change(ana, h.clock.now(), {
        sessionId: h.demo.sessions[0]!.id,
        participantId: h.demo.participants[0]!.id,
      }),
    ]);
    const next = await pullAll(h.app, ana, cursor);
    expect(next.records).toHaveLength(1);
    expect(next.records[0]).toMatchObject({
      participantId: h.demo.participants[0]!.id,
      state: 'present',
      version: 1,
      hasConflict: false,
    });
  });

  it('answers a cursor from another server epoch with a reset and a full page', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?cursor=deadbeef.42',
      headers: auth(ana),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reset).toBe(true);
    expect(body.participants.length).toBeGreaterThan(0);
    expect(body.cursor.startsWith('deadbeef.')).toBe(false);
  });

  it('answers a cursor ahead of the database (a restored backup keeps its epoch) with a reset', async () => {
    const { cursor: before } = await pullAll(h.app, ana);
    await push(h.app, ana, [
      change(ana, h.clock.now(), {
        sessionId: h.demo.sessions[0]!.id,
        participantId: h.demo.participants[1]!.id,
      }),
    ]);
    const { cursor: after } = await pullAll(h.app, ana);
    // The backup was taken before that push: same epoch, counter back where `before` was.
    const restoredTo = Number(before.split('.')[1]);
    await h.db.kysely
      .updateTable('sync_counters')
      .set({ value: restoredTo })
      .where('organization_id', '=', h.demo.organizationId)
      .execute();
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?cursor=${after}`,
      headers: auth(ana),
    });
    const body = res.json();
    expect(body.reset).toBe(true);
    expect(body.participants.length).toBeGreaterThan(0);
    expect(body.cursor).toBe(before);
    // A cursor at the counter is not a restore.
    const same = await pullAll(h.app, ana, before);
    expect(same.pages[0]!.reset).toBe(false);
  });

  it('checks the protocol version both ways, on pull as on push', async () => {
    const get = (v: number) =>
      h.app.inject({
        method: 'GET',
        url: `/api/v1/sync/pull?protocolVersion=${v}`,
        headers: auth(ana),
      });
    const newer = await get(PROTOCOL_VERSION + 1);
    expect([newer.statusCode, newer.json().code]).toEqual([400, 'protocol_unsupported']);
    expect(newer.json().message).toMatch(/Update the server/);
    expect((await get(PROTOCOL_VERSION)).statusCode).toBe(200);
    const pushNewer = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(ana),
      payload: { protocolVersion: PROTOCOL_VERSION + 1, changes: [] },
    });
    expect(pushNewer.json().code).toBe('protocol_unsupported');
  });

  it('validates the query', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?limit=0',
      headers: auth(ana),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toContain('limit');
  });
  it("tells its handler's own time in server-timing, on pull and push alike", async () => {
    const pulled = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: auth(ana),
    });
    const pushed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(ana),
      payload: { protocolVersion: PROTOCOL_VERSION, changes: [] },
    });
    for (const res of [pulled, pushed]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['server-timing']).toMatch(/^app;dur=\d+\.\d$/);
    }
  });
});

describe.each(dialects)('pull pages sized by bytes on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  const budget = 6_000;
  beforeAll(async () => {
    h = await createHarness(dialect, {
      participants: 50,
      env: { PULL_PAGE_BYTES: String(budget) },
    });
    ana = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  it('stops a page near the byte budget, well under its row limit, and loses no row', async () => {
    const { pages, participants } = await pullAll(h.app, ana);
    // Without the budget the default row limit (2,000) takes the whole demo in one page.
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages.slice(0, -1)) {
      expect(page.hasMore).toBe(true);
      expect(JSON.stringify(page).length).toBeLessThan(2 * budget);
    }
    expect(participants.map((p) => p.id).sort()).toEqual(
      h.demo.participants.map((p) => p.id).sort(),
    );
    expect(new Set(participants.map((p) => p.id)).size).toBe(participants.length);
  });

  it('fills a page of records with what is sent, not the columns the server keeps for itself', async () => {
    const { cursor } = await pullAll(h.app, ana);
    const session = h.demo.sessions[0]!.id;
    const res = await push(
      h.app,
      ana,
      h.demo.participants.map((p) =>
        change(ana, h.clock.now(), { sessionId: session, participantId: p.id }),
      ),
    );
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    const { pages, records } = await pullAll(h.app, ana, cursor, 10_000);
    expect(records).toHaveLength(h.demo.participants.length);
    expect(new Set(records.map((r) => r.participantId)).size).toBe(records.length);
    for (const page of pages.slice(0, -1)) {
      const sent = JSON.stringify(page).length;
      expect(sent).toBeGreaterThan(budget * 0.6);
      expect(sent).toBeLessThan(2 * budget);
    }
  });
});

describe.each(dialects)('a page read in several chunks on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  beforeAll(async () => {
    // More rows than one chunk (500) within the budget, so a page is read in several steps.
    h = await createHarness(dialect, { participants: 1_200, env: { PULL_PAGE_BYTES: '4000000' } });
    ana = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  it('joins the chunks in seq order and loses or repeats no row', async () => {
    const whole = await pullAll(h.app, ana, undefined, 10_000);
    expect(whole.pages).toHaveLength(1);
    expect(whole.pages[0]!.hasMore).toBe(false);
    const paged = await pullAll(h.app, ana, undefined, 700);
    expect(paged.pages.length).toBeGreaterThan(1);
    for (const { participants } of [whole, paged]) {
      expect(participants.map((p) => p.id).sort()).toEqual(
        h.demo.participants.map((p) => p.id).sort(),
      );
      expect(new Set(participants.map((p) => p.id)).size).toBe(participants.length);
    }
    expect(paged.cursor).toBe(whole.cursor);
  });
});
