// Passwords use scrypt (a slow KDF); device tokens are long random secrets, so a fast hash suffices.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt. Hashes with weaker parameters are upgraded at the next login. */
export const SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;
// Parameters come from stored hashes: refuse absurd ones rather than allocate gigabytes.
const MAX_N = 2 ** 20;

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  { N, r, p }: ScryptParams,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default cap (32 MB) is below what N = 2^17 takes.
  const maxmem = 128 * N * r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, { N, r, p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(
  password: string,
  params: ScryptParams = SCRYPT,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEYLEN, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** The parameters a stored hash was made with, or null when it is not a hash we can read. */
export function storedParams(stored: string): ScryptParams | null {
  const [scheme, n, r, p] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const ok =
    scheme === 'scrypt' &&
    Number.isInteger(params.N) &&
    params.N > 1 &&
    params.N <= MAX_N &&
    (params.N & (params.N - 1)) === 0 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16;
  return ok ? params : null;
}

/** Whether a stored hash is weaker than what new passwords get (so it should be rehashed). */
export const needsRehash = (stored: string) => {
  const p = storedParams(stored);
  return !p || p.N < SCRYPT.N || p.r < SCRYPT.r || p.p < SCRYPT.p;
};

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = storedParams(stored);
  const [, , , , saltB64, keyB64] = stored.split('$');
  if (!params || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scryptAsync(
    password,
    Buffer.from(saltB64, 'base64'),
    expected.length,
    params,
  );
  return timingSafeEqual(expected, actual);
}

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Five digits, unique per organization; the caller retries on collision. */
export const randomPersonalCode = () =>
  String(randomBytes(4).readUInt32BE(0) % 100000).padStart(5, '0');
