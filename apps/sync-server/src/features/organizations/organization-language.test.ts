// The organization's default language (protocol 4): an admin sets it with the other settings, it is
// stored and answered, devices pull it, and a language the app does not ship is refused.
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

describe.each(dialects)("the organization's language on %s", (dialect) => {
  let h: Harness;
  let admin: Device;
  let usher: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const patch = (payload: object) =>
    h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(admin),
      payload,
    });
  const organization = async (d: Device) =>
    (await h.app.inject({ method: 'GET', url: '/api/v1/organization', headers: auth(d) })).json();

  it('is absent (English) until set; once set it is stored, answered and pulled', async () => {
    expect((await organization(admin)).settings.language).toBeUndefined();
    const { cursor } = await pullAll(h.app, usher);
    const res = await patch({
      settings: {
        language: 'es',
        labels: {
          session: 'Culto',
          participant: 'Miembro',
          group: 'Ministerio',
          groups: 'Ministerios',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toMatchObject({
      language: 'es',
      labels: { session: 'Culto', groups: 'Ministerios' },
    });
    // Stored: a fresh read, and a fresh login, answer it.
    expect((await organization(admin)).settings.language).toBe('es');
    const signedIn = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'manager@demo.rollcall.test', password: 'rollcall-demo' },
    });
    expect(signedIn.json().organization.settings).toMatchObject({
      language: 'es',
      labels: { participant: 'Miembro' },
    });
    const next = await pullAll(h.app, usher, cursor);
    expect(next.pages.map((p) => p.organization).filter(Boolean)).toEqual([
      expect.objectContaining({
        settings: expect.objectContaining({
          language: 'es',
          labels: expect.objectContaining({ groups: 'Ministerios' }),
        }),
      }),
    ]);
    // Other settings left alone keep it.
    expect((await patch({ settings: { lateAfterMinutes: 12 } })).json().settings.language).toBe(
      'es',
    );
  });

  it('refuses a language the app does not ship, saying which setting was wrong', async () => {
    const before = (await organization(admin)).settings.language;
    for (const language of ['fr', 'ES', '', null]) {
      const res = await patch({ settings: { language } });
      expect({ language, status: res.statusCode }).toEqual({ language, status: 400 });
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
      expect(res.json().message).toContain('body/settings/language');
    }
    expect((await organization(admin)).settings.language).toBe(before);
  });

  it('refuses an empty or overlong plural of a label', async () => {
    for (const sessions of ['', 'x'.repeat(41)]) {
      const res = await patch({
        settings: {
          labels: { session: 'Service', participant: 'Member', group: 'Ministry', sessions },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('body/settings/labels/sessions');
    }
  });
});
