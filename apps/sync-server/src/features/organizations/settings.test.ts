// Organization settings and presence states: admins change them, devices pull the change.
import { checkStationPin, type StationPinVerifier } from '@rollcall/shared';
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

  it('keeps a station PIN as a salted verifier devices pull, never as the PIN', async () => {
    const patch = (device: Device, payload: object) =>
      h.app.inject({
        method: 'PATCH',
        url: '/api/v1/organization',
        headers: auth(device),
        payload,
      });
    const { cursor } = await pullAll(h.app, usher);
    const set = await patch(admin, {
      stationPin: '4821',
      settings: { stationShowsRoster: true, stationAllowsMarkAll: false },
    });
    expect(set.statusCode).toBe(200);
    expect(set.body).not.toContain('4821');
    const next = await pullAll(h.app, usher, cursor);
    const pulled = next.pages.map((p) => p.organization).find(Boolean);
    const verifier = pulled?.settings.stationPin as StationPinVerifier;
    expect(pulled?.settings).toMatchObject({
      stationShowsRoster: true,
      stationAllowsMarkAll: false,
    });
    expect(verifier.algorithm).toBe('PBKDF2-SHA256');
    expect(await checkStationPin('4821', verifier)).toBe(true);
    expect(await checkStationPin('1234', verifier)).toBe(false);

    const audit = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit?entity=organization',
      headers: auth(admin),
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('stationPin');
    expect(audit.body).not.toContain(verifier.hash);

    // Another save (the settings form's) keeps the PIN; null removes it.
    await patch(admin, { settings: { lateAfterMinutes: 12 } });
    const kept = await h.app.inject({
      method: 'GET',
      url: '/api/v1/organization',
      headers: auth(admin),
    });
    expect(kept.json().settings.stationPin).toEqual(verifier);
    const removed = await patch(admin, { stationPin: null });
    expect(removed.json().settings.stationPin).toBeNull();
  });

  it('rejects a PIN that is not 4 to 6 digits, a verifier sent as a setting, and a manager', async () => {
    const patch = (device: Device, payload: object) =>
      h.app.inject({
        method: 'PATCH',
        url: '/api/v1/organization',
        headers: auth(device),
        payload,
      });
    for (const pin of ['123', '1234567', '12a4'])
      expect((await patch(admin, { stationPin: pin })).json()).toMatchObject({
        details: expect.arrayContaining([
          { path: 'body/stationPin', message: 'must match pattern "^[0-9]{4,6}$"' },
        ]),
      });
    const forged = await patch(admin, {
      settings: {
        stationPin: { algorithm: 'PBKDF2-SHA256', iterations: 1000, salt: 'AA==', hash: 'AA==' },
      },
    });
    expect(forged.statusCode).toBe(400);
    const manager = await login(h.app, 'manager@demo.rollcall.test');
    expect((await patch(manager, { stationPin: '4821' })).statusCode).toBe(403);
  });
});
