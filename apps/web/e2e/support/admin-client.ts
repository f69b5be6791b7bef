// The admin's API with writes and raw downloads, for specs that act as the admin mid-scenario.
import { adminApi } from './server.ts';

export type AdminClient = Awaited<ReturnType<typeof adminClient>>;

export async function adminClient(url: string) {
  const api = await adminApi(url);
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    ...api,
    post: (path: string, body?: unknown) => send('POST', path, body),
    patch: (path: string, body: unknown) => send('PATCH', path, body),
    /** A download (a CSV export) as text. */
    text: async (path: string) => (await send('GET', path)).text(),
  };
}
