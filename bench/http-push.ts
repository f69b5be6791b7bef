// Pushes a device's changes to a real server over HTTP in batches, failing loudly on anything but
// `applied` (a bench that silently measured refusals would measure the wrong thing).
import { PROTOCOL_VERSION, type Change } from '@rollcall/shared';

export async function pushAll(base: string, token: string, changes: Change[], batch: number) {
  for (let i = 0; i < changes.length; i += batch) {
    const res = await fetch(`${base}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        changes: changes.slice(i, i + batch),
      }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as { results?: { status: string }[] };
    if (!res.ok || body.results?.some((r) => r.status !== 'applied'))
      throw new Error(`push failed: ${res.status} ${text.slice(0, 300)}`);
  }
}
