// A station PIN's verifier: the server makes it from the PIN an admin sets, devices pull it with the
// organization's settings and check a PIN against it offline. One implementation (WebCrypto, in the
// browser and in Node) so the two sides never drift. A 4–6 digit PIN is at most a million
// candidates: whoever copies the verifier off a device finds the PIN by trying them all, however
// slow the hash. The verifier keeps a curious guest at the door out; it is no security boundary
// (docs/security.md).
import type { StationPinVerifier } from './protocol/entities.ts';

export const STATION_PIN_PATTERN = '^[0-9]{4,6}$';
/** Slow enough that trying every PIN takes a laptop minutes, fast enough for an old tablet. */
export const STATION_PIN_ITERATIONS = 100_000;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function makeStationPinVerifier(
  pin: string,
  iterations = STATION_PIN_ITERATIONS,
): Promise<StationPinVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Whether `pin` is the one the verifier was made from. */
export async function checkStationPin(pin: string, v: StationPinVerifier): Promise<boolean> {
  const hash = await derive(pin, fromBase64(v.salt), v.iterations);
  const want = fromBase64(v.hash);
  // Constant time out of habit: the verifier is on the device anyway.
  let diff = hash.length ^ want.length;
  for (let i = 0; i < Math.min(hash.length, want.length); i++)
    diff |= (hash[i] ?? 0) ^ (want[i] ?? 0);
  return diff === 0;
}
