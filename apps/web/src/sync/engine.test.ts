// The sync engine against the real server over real HTTP (IndexedDB from fake-indexeddb in Node).
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Credentials } from '@rollcall/shared';
import { freePort, startServer, type ServerProcess } from '@rollcall/sync-server/server-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollcallDb } from '../db/db.ts';
import { recordPresence } from '../db/record.ts';
import { createApi, type Api } from './api.ts';
import { SyncEngine } from './engine.ts';
import { notCountingCsv } from './not-counting.ts';

const dir = mkdtempSync(join(tmpdir(), 'rollcall-engine-'));
// The demo without its past weeks: these tests count from an empty session.
const env = { SQLITE_PATH: join(dir, 'db.sqlite'), SEED_DEMO: '1', DEMO_HISTORY: '0' };
let server: ServerProcess;
let port: number;
let n = 0;

async function device(email = 'usher1@demo.rollcall.test') {
  const db = new RollcallDb(`engine-test-${++n}`);
  const api: Api = createApi(`http://127.0.0.1:${port}`, {
    get: async () => (await db.meta.get('credentials'))?.value as Credentials | undefined,
    set: async (c) => void (await db.meta.put({ key: 'credentials', value: c })),
  });
  const res = await api.login({ email, password: 'rollcall-demo' });
  if ('totpRequired' in res) throw new Error(`${email} has two-step sign-in`);
  const { credentials, ...login } = res;
  await db.meta.bulkPut([
    { key: 'credentials', value: credentials },
    { key: 'login', value: login },
  ]);
  const engine = new SyncEngine({
    db,
    api,
    appVersion: 'test',
    locks: null,
    EventSourceImpl: null,
    random: () => 0,
  });
  await engine.syncNow();
  const who = { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() };
  return { db, api, engine, who };
}

/** An admin call to the server, for revoking. */
async function asAdmin(method: string, path: string): Promise<unknown> {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.rollcall.test', password: 'rollcall-demo' }),
  });
  const token = ((await login.json()) as { credentials: { accessToken: string } }).credentials
    .accessToken;
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.ok).toBe(true);
  return res.status === 204 ? null : res.json();
}

beforeAll(async () => {
  port = await freePort();
  server = await startServer(env, port);
});
afterAll(async () => {
  await server.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('sync engine', () => {
  it('pulls the roster, then pushes queued check-ins and settles each by its result', async () => {
    const d = await device();
    const session = (await d.db.sessions.toArray()).find((s) => s.name === 'Sunday Service')!;
    const people = (await d.db.participants.limit(5).toArray()).map((p) => p.id);
    expect(people).toHaveLength(5);
    for (const id of people)
      await recordPresence(d.db, d.who, {
        sessionId: session.id,
        participantId: id,
        state: 'present',
        method: 'qr',
        checkIn: true,
      });
    expect(await d.db.outbox.count()).toBe(5);
    await d.engine.syncNow();
    expect(await d.db.outbox.count()).toBe(0);
    const records = await d.db.records.where('sessionId').equals(session.id).toArray();
    expect(
      records
        .filter((r) => people.includes(r.participantId))
        .every((r) => !r.pending && r.version === 1),
    ).toBe(true);
    expect(d.engine.getStatus()).toMatchObject({ pending: 0, lastError: null });
  });

  it('keeps a rejected change visible with its reason and does not block the others', async () => {
    const d = await device();
    const session = (await d.db.sessions.toArray())[0]!;
    const p = (await d.db.participants.toArray()).slice(10, 12);
    await recordPresence(d.db, d.who, {
      sessionId: session.id,
      participantId: p[0]!.id,
      state: 'teleported',
      method: 'manual',
    });
    await recordPresence(d.db, d.who, {
      sessionId: session.id,
      participantId: p[1]!.id,
      state: 'present',
      method: 'manual',
    });
    await d.engine.syncNow();
    const left = await d.db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'rejected', code: 'unknown_state' });
    expect(left[0]!.reason).toMatch(/teleported/);
    expect(d.engine.getStatus()).toMatchObject({ pending: 0, rejected: 1 });
    // Later pushes around it never sweep the rejected entry away.
    await recordPresence(d.db, d.who, {
      sessionId: session.id,
      participantId: p[0]!.id,
      state: 'present',
      method: 'manual',
    });
    await d.engine.syncNow();
    expect((await d.db.outbox.toArray()).map((e) => e.code)).toEqual(['unknown_state']);
  });

  it('sees a conflict between two devices and the flag reaches both', async () => {
    const a = await device('usher1@demo.rollcall.test');
    const b = await device('usher2@demo.rollcall.test');
    const session = (await a.db.sessions.toArray())[0]!;
    const person = (await a.db.participants.toArray())[20]!;
    await recordPresence(a.db, a.who, {
      sessionId: session.id,
      participantId: person.id,
      state: 'present',
      method: 'qr',
    });
    await recordPresence(b.db, b.who, {
      sessionId: session.id,
      participantId: person.id,
      state: 'absent',
      method: 'manual',
    });
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    for (const d of [a, b])
      expect((await d.db.records.get([session.id, person.id]))?.hasConflict).toBe(true);
  });

  it('backs off while the server is down and drains the queue once it is back', async () => {
    const d = await device();
    const session = (await d.db.sessions.toArray())[0]!;
    const person = (await d.db.participants.toArray())[30]!;
    await server.kill('SIGKILL');
    await recordPresence(d.db, d.who, {
      sessionId: session.id,
      participantId: person.id,
      state: 'present',
      method: 'code',
    });
    await d.engine.syncNow();
    expect(d.engine.getStatus()).toMatchObject({ pending: 1, lastError: 'Server unreachable' });
    expect(d.engine.getStatus().nextRetryAt).toBeGreaterThan(Date.now());
    server = await startServer(env, port);
    await d.engine.syncNow();
    expect(await d.db.outbox.count()).toBe(0);
  });

  it('answers a reset by reloading the roster and keeping the outbox', async () => {
    const d = await device();
    const session = (await d.db.sessions.toArray())[0]!;
    const person = (await d.db.participants.toArray())[40]!;
    await d.db.meta.put({ key: 'cursor', value: 'another-epoch.999' });
    await d.db.participants.put({ ...person, id: '01900000-0000-7000-8000-000000000000' }); // a row the server never had
    await server.kill('SIGKILL'); // queue while offline, then reset on return
    await recordPresence(d.db, d.who, {
      sessionId: session.id,
      participantId: person.id,
      state: 'late',
      method: 'manual',
    });
    server = await startServer(env, port);
    const api = d.api;
    await d.db.outbox.toArray().then((o) => expect(o).toHaveLength(1));
    await (async () => {
      const page = await api.pull('another-epoch.999');
      expect(page.reset).toBe(true);
    })();
    await d.engine.syncNow();
    expect(await d.db.participants.get('01900000-0000-7000-8000-000000000000')).toBeUndefined();
    expect(await d.db.outbox.count()).toBe(0);
    expect((await d.db.records.get([session.id, person.id]))?.state).toBe('late');
  });

  it('after a revoked assignment refuses its pull, a temporary usher still pushes, and counts and exports what will not count', async () => {
    const d = await device('temp@demo.rollcall.test');
    const session = (await d.db.sessions.toArray()).find((s) => s.name === 'Sunday Service')!;
    const person = (await d.db.participants.toArray())[50]!;
    const users = (await asAdmin('GET', '/api/v1/users')) as {
      items: { role: string; assignment: { id: string } | null }[];
    };
    const id = users.items.find((u) => u.role === 'temp_usher')!.assignment!.id;
    await asAdmin('POST', `/api/v1/assignments/${id}/revoke`);
    await d.engine.syncNow();
    expect(d.engine.getStatus()).toMatchObject({ blockedCode: 'assignment_revoked', pending: 0 });
    // Recorded after the revocation (a scan that raced the news): "Retry now" must still push it.
    await recordPresence(d.db, d.who, {
      sessionId: session.id,
      participantId: person.id,
      state: 'present',
      method: 'code',
    });
    await d.engine.syncNow();
    expect(d.engine.getStatus()).toMatchObject({ pending: 0, rejected: 1, notCounting: 1 });
    expect((await d.db.outbox.toArray())[0]).toMatchObject({ code: 'assignment_revoked' });
    const csv = (await notCountingCsv(d.db, false)).trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(`"${person.firstName} ${person.lastName}","Sunday Service"`);
  });

  it('a device whose push is refused counts everything still queued as not counting', async () => {
    const d = await device();
    const session = (await d.db.sessions.toArray())[0]!;
    const person = (await d.db.participants.toArray())[60]!;
    await recordPresence(d.db, d.who, {
      sessionId: session.id,
      participantId: person.id,
      state: 'present',
      method: 'code',
    });
    await asAdmin('POST', `/api/v1/devices/${d.who.deviceId}/revoke`);
    await d.engine.syncNow();
    expect(d.engine.getStatus()).toMatchObject({
      blockedCode: 'device_revoked',
      pending: 1,
      notCounting: 1,
    });
    expect((await notCountingCsv(d.db, true)).trim().split('\r\n')).toHaveLength(2);
  });
});
