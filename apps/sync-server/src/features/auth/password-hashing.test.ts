// Password hashes: scrypt at OWASP's N = 2^17, verified with the parameters stored in each hash,
// and upgraded at the next login when they were made with weaker ones.
import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/secrets.ts';
import { dialects } from '../../test/test-db.ts';
import { createHarness, login, type Harness } from '../../test/harness.ts';
import { DEMO_PASSWORD } from '../demo/demo-seed.ts';

/** A hash as the server made it before N was raised (or with any other parameters). */
function legacyHash(password: string, N: number, r = 8, p = 1) {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe('password hashes', () => {
  it('hashes new passwords with N = 2^17, r = 8, p = 1', async () => {
    const [scheme, N, r, p] = (await hashPassword('a long enough passphrase')).split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '131072', '8', '1']);
  });

  it('verifies with the parameters stored in the hash, not the current ones', async () => {
    for (const N of [1024, 16384]) {
      const stored = legacyHash('correct horse battery', N);
      await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
      await expect(verifyPassword('wrong horse battery', stored)).resolves.toBe(false);
    }
  });

  it('refuses a stored hash whose parameters are not sane rather than allocating for them', async () => {
    const stored = legacyHash('x', 1024).replace('$1024$', '$1073741824$');
    await expect(verifyPassword('x', stored)).resolves.toBe(false);
  });
});

describe.each(dialects)('password upgrade at login on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.close());

  const storedHash = async (email: string) =>
    (
      await h.db.kysely
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it('rehashes a weaker stored hash on a successful login, and only then', async () => {
    const email = 'usher1@demo.rollcall.test';
    const weak = legacyHash(DEMO_PASSWORD, 16384);
    await h.db.kysely
      .updateTable('users')
      .set({ password_hash: weak })
      .where('email', '=', email)
      .execute();
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(await storedHash(email)).toBe(weak);
    await login(h.app, email);
    const upgraded = await storedHash(email);
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    await expect(login(h.app, email)).resolves.toBeTruthy();
    expect(await storedHash(email)).toBe(upgraded); // not rehashed again
  });
});
