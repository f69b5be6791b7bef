// HTTP to the sync server. Framework-free. Renews an expired access token once with the refresh
// token and retries; every other failure becomes an ApiError the engine can reason about.
// The server rotates refresh tokens and treats a retired one presented again as theft, so the
// page and the service worker (which share one credential store) must never both refresh the
// same token: a refresh runs under one Web Lock and first re-reads the store.
import { PROTOCOL_VERSION } from '@rollcall/shared';
import type {
  Credentials,
  LoginChallenge,
  LoginRequest,
  TotpLoginRequest,
  LoginResponse,
  PullResponse,
  PushRequest,
  PushResponse,
} from '@rollcall/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
  /** The network or the server failed, not the request: try again later. */
  get transient() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface CredentialStore {
  get(): Promise<Credentials | undefined>;
  set(c: Credentials): Promise<void>;
}

/** Runs `work` while no other refresh of this device's credentials runs. */
export type RefreshLock = <T>(work: () => Promise<T>) => Promise<T>;

export const REFRESH_LOCK = 'rollcall-refresh';

/** One lock across the pages and the service worker (Web Locks), else one per context. */
export function defaultRefreshLock(): RefreshLock {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return <T>(work: () => Promise<T>) => locks.request(REFRESH_LOCK, work) as Promise<T>;
  return inProcessLock();
}

/** A mutex for one JavaScript context: each call waits for the previous one to settle. */
export function inProcessLock(): RefreshLock {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export interface Api {
  /** The password step: credentials, or (202) a challenge when the account needs a code too. */
  login(body: LoginRequest): Promise<LoginResponse | LoginChallenge>;
  /** The code step of a two-step sign-in. */
  loginWithCode(body: TotpLoginRequest): Promise<LoginResponse>;
  push(body: PushRequest): Promise<PushResponse>;
  pull(cursor: string | undefined, limit?: number): Promise<PullResponse>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** A file (CSV, an attachment) behind the device's credentials. */
  getBlob(path: string): Promise<Blob>;
  logout(): Promise<void>;
  /** An EventSource URL (EventSource cannot send headers, so the token rides in the query). */
  streamUrl(path?: string): Promise<string | null>;
}

function retryAfter(res: Response): number | null {
  const v = res.headers.get('retry-after');
  if (!v) return null;
  const seconds = Number(v);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(v) - Date.now());
}

async function toError(res: Response): Promise<ApiError> {
  let body: { code?: string; message?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    /* not JSON: keep the status */
  }
  return new ApiError(
    res.status,
    body.code ?? `http_${res.status}`,
    body.message ?? res.statusText,
    retryAfter(res),
  );
}

export function createApi(
  baseUrl: string,
  creds: CredentialStore,
  fetchFn: typeof fetch = (...a) => fetch(...a),
  refreshLock: RefreshLock = defaultRefreshLock(),
): Api {
  async function send(
    method: string,
    path: string,
    body: unknown,
    token?: string,
  ): Promise<Response> {
    try {
      return await fetchFn(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error');
    }
  }

  async function authedResponse(method: string, path: string, body?: unknown): Promise<Response> {
    const c = await creds.get();
    if (!c) throw new ApiError(401, 'unauthorized', 'Not signed in');
    let res = await send(method, path, body, c.accessToken);
    if (res.status === 401) {
      const err = await toError(res);
      if (err.code !== 'token_expired') throw err;
      const next = await renew(c);
      res = await send(method, path, body, next.accessToken);
    }
    if (!res.ok) throw await toError(res);
    return res;
  }

  /**
   * New credentials for the expired `stale` ones, single-flight: under the lock, credentials that
   * another context (or request) already renewed are used as they are, not refreshed again.
   */
  function renew(stale: Credentials): Promise<Credentials> {
    return refreshLock(async () => {
      const current = await creds.get();
      if (!current) throw new ApiError(401, 'unauthorized', 'Not signed in');
      if (current.accessToken !== stale.accessToken) return current;
      const res = await send('POST', '/api/v1/auth/refresh', {
        refreshToken: current.refreshToken,
      });
      if (!res.ok) {
        const err = await toError(res);
        // Renewed by something outside the lock (an older app version in another tab): use that.
        const after = err.code === 'refresh_superseded' ? await creds.get() : undefined;
        if (after && after.accessToken !== stale.accessToken) return after;
        throw err;
      }
      const next = ((await res.json()) as { credentials: Credentials }).credentials;
      await creds.set(next);
      return next;
    });
  }

  async function authed<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await authedResponse(method, path, body);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  return {
    async login(body) {
      const res = await send('POST', '/api/v1/auth/login', body);
      if (!res.ok) throw await toError(res);
      return res.json() as Promise<LoginResponse | LoginChallenge>;
    },
    async loginWithCode(body) {
      const res = await send('POST', '/api/v1/auth/login/totp', body);
      if (!res.ok) throw await toError(res);
      return res.json() as Promise<LoginResponse>;
    },
    push: (body) => authed('POST', '/api/v1/sync/push', body),
    pull: (cursor, limit) =>
      authed(
        'GET',
        `/api/v1/sync/pull?${new URLSearchParams({
          protocolVersion: String(PROTOCOL_VERSION),
          ...(cursor ? { cursor } : {}),
          ...(limit ? { limit: String(limit) } : {}),
        })}`,
      ),
    get: (path) => authed('GET', path),
    post: (path, body) => authed('POST', path, body),
    patch: (path, body) => authed('PATCH', path, body),
    put: (path, body) => authed('PUT', path, body),
    getBlob: async (path) => (await authedResponse('GET', path)).blob(),
    logout: () => authed('POST', '/api/v1/auth/logout'),
    async streamUrl(path = '/api/v1/sync/stream') {
      const c = await creds.get();
      return c ? `${baseUrl}${path}?access_token=${encodeURIComponent(c.accessToken)}` : null;
    },
  };
}
