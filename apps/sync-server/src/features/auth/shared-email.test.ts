// Issue 10: creating a user must not tell an admin whether another organization uses the address.
// The account is created either way; the password tells apart the accounts an address signs in to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';

const STRONG = 'violet-harbor-lantern-42';
const OTHER_STRONG = 'copper-meadow-signal-77';

describe.each(dialects)('an address used by two organizations on %s', (dialect) => {
  let h: Harness;
  let otherAdmin: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    otherAdmin = await login(h.app, 'admin@other.demo.rollcall.test');
  });
  afterAll(() => h.close());

  const create = (as: Device, email: string, password = OTHER_STRONG) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth(as),
      payload: { email, displayName: 'Sam Shared', role: 'usher', password },
    });
  const signIn = (email: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('answers the same whether or not another organization uses the address', async () => {
    const taken = await create(otherAdmin, 'usher1@demo.rollcall.test');
    const fresh = await create(otherAdmin, 'nobody-has-this@example.org');
    expect(taken.statusCode).toBe(201);
    expect(fresh.statusCode).toBe(201);
    expect(Object.keys(taken.json())).toEqual(Object.keys(fresh.json()));
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: auth(otherAdmin),
    });
    const emails = list.json<{ items: { email: string }[] }>().items.map((u) => u.email);
    expect(emails).toEqual(
      expect.arrayContaining(['usher1@demo.rollcall.test', 'nobody-has-this@example.org']),
    );
  });

  it('signs each account in by its own password', async () => {
    const theirs = await signIn('USHER1@demo.rollcall.test', OTHER_STRONG);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({
      user: { email: 'usher1@demo.rollcall.test' },
      organization: { name: 'Other Org' },
    });
    const original = await signIn('usher1@demo.rollcall.test', 'rollcall-demo');
    expect(original.statusCode).toBe(200);
    expect(original.json().organization.name).not.toBe('Other Org');
    expect((await signIn('usher1@demo.rollcall.test', 'neither-password-1')).statusCode).toBe(401);
  });

  it('gives two organizations adding one new address in parallel an account each', async () => {
    const demoAdmin = await login(h.app, 'admin@demo.rollcall.test');
    const answers = await Promise.all([
      create(otherAdmin, 'both-at-once@example.org'),
      create(demoAdmin, 'both-at-once@example.org', STRONG),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201]);
    expect((await signIn('both-at-once@example.org', STRONG)).json().organization.name).not.toBe(
      'Other Org',
    );
    expect((await signIn('both-at-once@example.org', OTHER_STRONG)).json().organization.name).toBe(
      'Other Org',
    );
  });

  it('still refuses an address the same organization already has', async () => {
    const again = await create(otherAdmin, 'usher1@demo.rollcall.test');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'email_taken' });
    const demoAdmin = await login(h.app, 'admin@demo.rollcall.test');
    expect((await create(demoAdmin, 'usher1@demo.rollcall.test', STRONG)).statusCode).toBe(409);
  });
});
