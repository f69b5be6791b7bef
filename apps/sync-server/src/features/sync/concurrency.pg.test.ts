// 20 devices pushing agreeing and conflicting changes at once against PostgreSQL, while another
// device pulls incrementally. Nothing may be applied twice, lost, or skipped by the puller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../../test/test-db.ts';
import {
  change,
  createHarness,
  login,
  pullAll,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';
import type { PresenceRecord } from '@rollcall/shared';

const DEVICES = 20;
const PEOPLE = 30;

describe.runIf(hasPostgres)('concurrent devices on postgres', () => {
  let h: Harness;
  let devices: Device[];
  beforeAll(async () => {
    h = await createHarness('postgres', { participants: PEOPLE, poolSize: 12 });
    const users = ['usher1', 'usher2', 'admin'];
    devices = [];
    for (let i = 0; i < DEVICES; i++)
      devices.push(await login(h.app, `${users[i % 3]}@demo.rollcall.test`));
    // 20 sign-ins hash 20 passwords: past the default 60 s on a loaded 2-core machine.
  }, 180_000);
  afterAll(() => h.close());

  it('applies every change once, merges agreement, opens one conflict per disagreement, and the puller misses nothing', async () => {
    const session = h.demo.sessions[0]!.id;
    const people = h.demo.participants.map((p) => p.id);
    const watcher = devices[0]!;
    let cursor: string | undefined;
    const seen = new Map<string, PresenceRecord>();
    let pushing = true;
    const puller = (async () => {
      while (pushing) {
        const page = await pullAll(h.app, watcher, cursor, 50);
        cursor = page.cursor;
        for (const r of page.records) seen.set(r.id, r);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const results = await Promise.all(
      devices.map(async (d, i) => {
        // Half the people get the same state from everyone; the other half get present/absent by device parity.
        const changes = people.map((p, k) =>
          change(d, h.clock.now() + i, {
            sessionId: session,
            participantId: p,
            state: k < PEOPLE / 2 ? 'present' : i % 2 ? 'absent' : 'present',
            method: i % 2 ? 'manual' : 'qr',
          }),
        );
        const out = [];
        for (let b = 0; b < changes.length; b += 10)
          out.push(...(await push(h.app, d, changes.slice(b, b + 10))).results);
        return out;
      }),
    );
    pushing = false;
    await puller;
    const finalPull = await pullAll(h.app, watcher, cursor, 50);
    for (const r of finalPull.records) seen.set(r.id, r);

    const statuses = results.flat().map((r) => r.status);
    expect(statuses).toHaveLength(DEVICES * PEOPLE);
    expect(statuses.filter((s) => s === 'rejected' || s === 'duplicate')).toHaveLength(0);
    const db = h.db.kysely;
    const changes = await db
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(changes.n)).toBe(DEVICES * PEOPLE);
    const records = await db
      .selectFrom('presence_records')
      .selectAll()
      .where('session_id', '=', session)
      .execute();
    expect(records).toHaveLength(PEOPLE);
    const agreeing = records.filter((r) => people.indexOf(r.participant_id) < PEOPLE / 2);
    expect(agreeing.every((r) => r.has_conflict === 0 && r.state === 'present')).toBe(true);
    const open = await db
      .selectFrom('sync_conflicts')
      .selectAll()
      .where('status', '=', 'open')
      .execute();
    expect(open).toHaveLength(PEOPLE / 2);
    expect(new Set(open.map((c) => c.participant_id)).size).toBe(PEOPLE / 2);
    // The incremental puller ends with exactly the server's final versions.
    expect(seen.size).toBe(PEOPLE);
    for (const r of records) expect(seen.get(r.id)?.version).toBe(r.version);
  });
});
