// The server dies in the middle of a push (SIGKILL, no goodbye). The client never got an answer,
// so it retries the same batch after the restart: nothing is doubled and nothing is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHlc, hlcTick, type Hlc } from '@rollcall/conflict';
import {
  PROTOCOL_VERSION,
  uuidv7,
  type Change,
  type PullResponse,
  type PushResponse,
} from '@rollcall/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type ServerProcess } from '../../test/server-process.ts';

describe('a server killed mid-push', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-restart-'));
  // The demo without its past weeks: three sessions, so the changes fit the batches below.
  const env = { SQLITE_PATH: join(dir, 'db.sqlite'), SEED_DEMO: '1', DEMO_HISTORY: '0' };
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every change exactly once after the client retries', async () => {
    const port = await freePort();
    server = await startServer(env, port);
    const login = (await (
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'usher1@demo.rollcall.test', password: 'rollcall-demo' }),
      })
    ).json()) as { credentials: { accessToken: string } };
    const headers = {
      authorization: `Bearer ${login.credentials.accessToken}`,
      'content-type': 'application/json',
    };
    const roster = (await (
      await fetch(`${server.url}/api/v1/sync/pull?limit=10000`, { headers })
    ).json()) as PullResponse;
    let hlc: Hlc | null = null;
    let seq = 0;
    const changes: Change[] = roster.sessions.flatMap((s) =>
      roster.participants.map((p) => {
        hlc = hlcTick(hlc, Date.now(), 'dev1');
        return {
          changeId: uuidv7(),
          deviceSeq: ++seq,
          kind: 'presence.set',
          sessionId: s.id,
          participantId: p.id,
          state: 'present',
          method: 'qr',
          recordedAt: new Date().toISOString(),
          hlc: formatHlc(hlc),
          baseVersion: 0,
        };
      }),
    );
    const batches = [changes.slice(0, 200), changes.slice(200, 400), changes.slice(400)];
    const pushBatch = (b: Change[]) =>
      fetch(`${server!.url}/api/v1/sync/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, changes: b }),
      });

    expect((await pushBatch(batches[0]!)).status).toBe(200);
    // The second batch is in flight when the process is killed: the client sees a network error.
    const inFlight = pushBatch(batches[1]!).then(
      () => 'answered',
      () => 'network error',
    );
    await new Promise((r) => setTimeout(r, 3));
    await server.kill('SIGKILL');
    const outcome = await inFlight;
    server = await startServer(env, port);

    const retried: PushResponse[] = [];
    for (const b of batches.slice(1))
      retried.push((await (await pushBatch(b)).json()) as PushResponse);
    const statuses = retried.flatMap((r) => r.results.map((x) => x.status));
    expect(statuses.every((s) => s === 'applied' || s === 'duplicate')).toBe(true);
    if (outcome === 'network error')
      expect(statuses.slice(0, 200).every((s) => s === statuses[0])).toBe(true); // all or nothing

    const after = (await (
      await fetch(`${server.url}/api/v1/sync/pull?limit=10000`, { headers })
    ).json()) as PullResponse;
    expect(after.presenceRecords).toHaveLength(changes.length);
    expect(after.presenceRecords.every((r) => r.version === 1)).toBe(true);
    const replay = (await (await pushBatch(batches[0]!)).json()) as PushResponse;
    expect(replay.results.every((r) => r.status === 'duplicate')).toBe(true);
  });
});
