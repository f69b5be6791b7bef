// Builds the real app over a real database and gives tests a demo organization and logins.
import { formatHlc, hlcTick, type Hlc } from '@rollcall/conflict';
import {
  uuidv7,
  PROTOCOL_VERSION,
  type Change,
  type PushResponse,
  type PullResponse,
} from '@rollcall/shared';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Dialect } from '../db/database.ts';
import { seedDemo, DEMO_PASSWORD } from '../features/demo/demo-seed.ts';
import { memoryNotifier, postgresNotifier, type Notifier } from '../features/sync/notifier.ts';
import { loadConfig } from '../env.ts';
import { createTestDb } from './test-db.ts';

export function testClock(start = Date.parse('2026-11-22T09:30:00.000Z')) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => void (t += ms),
    set: (ms: number) => void (t = ms),
  };
}
export type TestClock = ReturnType<typeof testClock>;

export async function createHarness(
  dialect: Dialect,
  opts: { participants?: number; poolSize?: number; env?: Record<string, string> } = {},
) {
  const clock = testClock();
  const { db, appDb, drop } = await createTestDb(dialect, opts);
  const notifier: Notifier = db.url ? await postgresNotifier(db.url, () => {}) : memoryNotifier();
  const config = {
    ...loadConfig({ SEED_DEMO: '0', WEB_DIST: '', ...opts.env }),
    webDist: null,
  };
  // The app runs as it would deployed (tenant-scoped, under RLS on PostgreSQL); `db` is the
  // tests' own view of the database, which seeds and inspects it from outside the app.
  const ctx = { db: appDb, clock, config, notifier };
  const app = await buildApp(ctx);
  const demo = await seedDemo(db.kysely, clock, { participants: opts.participants ?? 20 });
  const other = await seedDemo(db.kysely, clock, {
    participants: 3,
    slug: 'other',
    name: 'Other Org',
  });
  return {
    app,
    ctx,
    clock,
    demo,
    other,
    db,
    close: async () => {
      await app.close();
      await notifier.close();
      await drop();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof createHarness>>;

export interface Device {
  token: string;
  refreshToken: string;
  deviceId: string;
  userId: string;
  seq: number;
  hlc: Hlc | null;
  nodeId: string;
}

export async function login(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Device> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, deviceName: 'test' },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    token: body.credentials.accessToken,
    refreshToken: body.credentials.refreshToken,
    deviceId: body.deviceId,
    userId: body.user.id,
    seq: 0,
    hlc: null,
    nodeId: body.deviceId.slice(-12),
  };
}

/** What a device does when its access token expired: trade the refresh token for new credentials. */
export async function refresh(app: FastifyInstance, device: Device): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken: device.refreshToken },
  });
  if (res.statusCode !== 200) throw new Error(`refresh failed: ${res.statusCode} ${res.body}`);
  device.token = res.json().credentials.accessToken;
  device.refreshToken = res.json().credentials.refreshToken;
}

type ChangeInput = Partial<Change> & { sessionId?: string; participantId: string };

/** A change as a device would make it: next deviceSeq, a ticking HLC, a UUIDv7 id. */
export function change(device: Device, nowMs: number, input: ChangeInput): Change {
  device.seq += 1;
  device.hlc = hlcTick(device.hlc, nowMs, device.nodeId);
  return {
    changeId: uuidv7(nowMs),
    deviceSeq: device.seq,
    kind: 'presence.set',
    state: 'present',
    method: 'qr',
    recordedAt: new Date(nowMs).toISOString(),
    hlc: formatHlc(device.hlc),
    baseVersion: 0,
    ...input,
  } as Change; // kind-specific fields are checked by the server (tests send invalid ones on purpose)
}

export async function push(
  app: FastifyInstance,
  device: Pick<Device, 'token'>,
  changes: unknown[],
): Promise<PushResponse & { statusCode: number }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: { authorization: `Bearer ${device.token}` },
    payload: { protocolVersion: PROTOCOL_VERSION, changes },
  });
  // inject().json() is `any` (callers read whatever the route sent); it is never a promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  return { ...res.json(), statusCode: res.statusCode };
}

export async function pullAll(
  app: FastifyInstance,
  device: Pick<Device, 'token'>,
  cursor?: string,
  limit?: number,
) {
  const pages: PullResponse[] = [];
  let next = cursor;
  for (let i = 0; i < 1000; i++) {
    const qs = new URLSearchParams({
      ...(next ? { cursor: next } : {}),
      ...(limit ? { limit: String(limit) } : {}),
    });
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?${qs.toString()}`,
      headers: { authorization: `Bearer ${device.token}` },
    });
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
    const page = res.json<PullResponse>();
    pages.push(page);
    next = page.cursor;
    if (!page.hasMore) break;
  }
  return {
    pages,
    cursor: next!,
    records: pages.flatMap((p) => p.presenceRecords),
    participants: pages.flatMap((p) => p.participants),
  };
}

export const auth = (device: Pick<Device, 'token'>) => ({
  authorization: `Bearer ${device.token}`,
});

/** For benches that need more than one seeded organization. */
export { seedDemo } from '../features/demo/demo-seed.ts';
