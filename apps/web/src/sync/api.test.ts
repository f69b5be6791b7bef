// Single-flight refresh: the page and the service worker share one credential store, and the server
// rotates refresh tokens (a second refresh of one token is refused), so only one may refresh.
import type { Credentials } from '@rollcall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, REFRESH_LOCK, type CredentialStore } from './api.ts';

/** A server that rotates refresh tokens like the real one: one winner, the rest 409. */
function fakeServer() {
  let n = 0;
  const issue = (): Credentials => {
    n += 1;
    return {
      accessToken: `access-${n}`,
      accessExpiresAt: '2030-01-01T00:00:00.000Z',
      refreshToken: `refresh-${n}`,
      refreshExpiresAt: '2030-01-01T00:00:00.000Z',
    };
  };
  let current = issue();
  const expired = new Set<string>([current.accessToken]);
  const server = { refreshCalls: 0, first: current };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = (async (url: string, init: RequestInit) => {
    await new Promise((r) => setTimeout(r, 5)); // the network: contexts interleave here
    if (url.endsWith('/auth/refresh')) {
      server.refreshCalls += 1;
      const { refreshToken } = JSON.parse(String(init.body)) as { refreshToken: string };
      if (refreshToken !== current.refreshToken)
        return json(409, { code: 'refresh_superseded', message: 'already renewed' });
      current = issue();
      return json(200, { credentials: current });
    }
    const token = (init.headers as Record<string, string>).authorization?.slice(7);
    if (!token || expired.has(token) || token !== current.accessToken)
      return json(401, { code: 'token_expired', message: 'expired' });
    return json(200, { ok: true });
  }) as unknown as typeof fetch;
  return Object.assign(server, { fetchFn });
}

function memoryStore(initial: Credentials): CredentialStore {
  let c: Credentials | undefined = initial;
  return { get: async () => c, set: async (next) => void (c = next) };
}

/** Web Locks as the browser gives them: one holder per name across every context. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const names: string[] = [];
  return {
    names,
    request: (name: string, work: () => Promise<unknown>) => {
      names.push(name);
      const run = (tails.get(name) ?? Promise.resolve()).then(work, work);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('refreshing credentials', () => {
  it('lets the page and the service worker renew an expired token once between them', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    const server = fakeServer();
    const store = memoryStore(server.first);
    const page = createApi('', store, server.fetchFn);
    const worker = createApi('', store, server.fetchFn);
    const answers = await Promise.all([
      page.get('/api/v1/me'),
      worker.get('/api/v1/me'),
      page.get('/api/v1/me'),
    ]);
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(server.refreshCalls).toBe(1);
    expect(locks.names.every((n) => n === REFRESH_LOCK)).toBe(true);
    expect((await store.get())?.refreshToken).toBe('refresh-2');
  });

  it('renews once for many requests that expire together in a context without Web Locks', async () => {
    vi.stubGlobal('navigator', {});
    const server = fakeServer();
    const api = createApi('', memoryStore(server.first), server.fetchFn);
    const answers = await Promise.all([1, 2, 3, 4].map(() => api.get('/api/v1/me')));
    expect(answers).toHaveLength(4);
    expect(server.refreshCalls).toBe(1);
  });
});
