// Compressed answers: large JSON comes back br or gzip when the client asks; event streams are
// never compressed (a compressor buffers, and a buffered stream delivers nothing until it fills).
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from './test/harness.ts';

describe.each(dialects)('compression on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const pull = (encoding: string) =>
    h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?limit=10000',
      headers: { ...auth(admin), 'accept-encoding': encoding },
    });

  it('sends a large pull brotli-compressed when asked, and it decodes to the same JSON', async () => {
    const plain = await pull('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await pull('br, gzip');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const decoded = JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'));
    expect(decoded.participants.length).toBe(plain.json().participants.length);
  });

  it('falls back to gzip for a client that only knows gzip', async () => {
    const gz = await pull('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(
      JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')).participants.length,
    ).toBeGreaterThan(0);
  });

  it('leaves a small answer alone', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses an event stream: its first event arrives as plain text', async () => {
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const ac = new AbortController();
    const res = await fetch(
      `${base}/api/v1/sync/stream?access_token=${encodeURIComponent(admin.token)}`,
      { signal: ac.signal, headers: { 'accept-encoding': 'br, gzip, deflate' } },
    );
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    const { value } = await res.body!.getReader().read();
    expect(new TextDecoder().decode(value)).toMatch(/^(event|:|retry|data)/);
    ac.abort();
  });
});
