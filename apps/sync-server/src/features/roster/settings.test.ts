// Organization settings and presence states: admins change them, devices pull the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  createHarness,
  login,
  pullAll,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('settings on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let usher: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  it('changes terminology and late-after minutes and devices pull them', async () => {
    const { cursor } = await pullAll(h.app, usher);
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(admin),
      payload: {
        settings: {
          lateAfterMinutes: 15,
          labels: { session: 'Class', participant: 'Student', group: 'Cohort' },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toMatchObject({
      lateAfterMinutes: 15,
      labels: { session: 'Class' },
      conflictPolicy: { rules: [] },
    });
    const next = await pullAll(h.app, usher, cursor);
    expect(next.pages.map((p) => p.organization).filter(Boolean)).toEqual([
      expect.objectContaining({ settings: expect.objectContaining({ lateAfterMinutes: 15 }) }),
    ]);
    const manager = await login(h.app, 'manager@demo.rollcall.test');
    expect(
      (
        await h.app.inject({ method: 'GET', url: '/api/v1/organization', headers: auth(manager) })
      ).json().settings.lateAfterMinutes,
    ).toBe(15);
    expect(
      (
        await h.app.inject({
          method: 'PATCH',
          url: '/api/v1/organization',
          headers: auth(manager),
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('adds a state, moves the default to it, and rejects a bad colour by name', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/presence-states',
      headers: auth(admin),
      payload: {
        code: 'online',
        label: 'Online',
        color: '#0ea5e9',
        sortOrder: 5,
        isDefault: true,
        countsAsPresent: true,
        active: true,
      },
    });
    expect(created.statusCode).toBe(201);
    const states = (
      await h.app.inject({ method: 'GET', url: '/api/v1/presence-states', headers: auth(usher) })
    ).json().items as { code: string; isDefault: boolean }[];
    expect(states.filter((s) => s.isDefault).map((s) => s.code)).toEqual(['online']);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/v1/presence-states',
          headers: auth(admin),
          payload: {
            code: 'online',
            label: 'Again',
            color: '#000000',
            sortOrder: 6,
            isDefault: false,
            countsAsPresent: true,
            active: true,
          },
        })
      ).statusCode,
    ).toBe(409);
    const bad = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/presence-states/${created.json().id}`,
      headers: auth(admin),
      payload: { color: 'blue' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toMatch(/color/);
  });
});
