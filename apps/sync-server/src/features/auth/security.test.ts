// What an outside review attacked, one test per control (docs/security.md lists them).
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { csvCell } from '../../lib/csv.ts';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';

const loginAs = (h: Harness, email: string, password: string, headers = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    headers,
  });

describe.each(dialects)('security controls on %s', (dialect) => {
  let h: Harness;
  let otherAdmin: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    otherAdmin = await login(h.app, 'admin@other.demo.rollcall.test');
  });
  afterAll(() => h.close());

  it('checks at most five passwords of one account however many guesses arrive at once', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => loginAs(h, 'usher2@demo.rollcall.test', `wrong-${i}`)),
    );
    const codes = guesses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 423)).toHaveLength(25);
    // Locked for the right password too, until the lock ends.
    expect((await loginAs(h, 'usher2@demo.rollcall.test', 'rollcall-demo')).statusCode).toBe(423);
    h.clock.advance(16 * 60_000);
    expect((await loginAs(h, 'usher2@demo.rollcall.test', 'rollcall-demo')).statusCode).toBe(200);
  });

  it('locks an unknown email exactly like a real one (no account enumeration)', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push((await loginAs(h, 'nobody@demo.rollcall.test', 'wrong')).json().code);
    expect(answers).toEqual([...Array(5).fill('invalid_credentials'), 'account_locked']);
  });

  it('takes ?access_token= only on event streams', async () => {
    const d = await login(h.app, 'admin@demo.rollcall.test');
    const viaQuery = await h.app.inject({
      method: 'GET',
      url: `/api/v1/me?access_token=${encodeURIComponent(d.token)}`,
    });
    expect(viaQuery.statusCode).toBe(401);
    const viaHeader = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(d) });
    expect(viaHeader.statusCode).toBe(200);
  });

  it('refuses an anonymous caller before reading its body', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/participants',
      headers: { 'content-type': 'application/json' },
      payload: '{"this is": not json at all',
    });
    expect(res.statusCode).toBe(401);
    const usher = await login(h.app, 'usher1@demo.rollcall.test');
    const wrongRole = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/participants',
      headers: { ...auth(usher), 'content-type': 'application/json' },
      payload: '{"this is": not json at all',
    });
    expect(wrongRole.statusCode).toBe(403);
  });

  it('marks personal data responses as not cacheable', async () => {
    const d = await login(h.app, 'admin@demo.rollcall.test');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/participants',
      headers: auth(d),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it("refuses links to another organization's groups, saying no more than for a made-up id", async () => {
    const other = otherAdmin;
    const theirs = h.demo.groups[0]!;
    const made = '01890000-0000-7000-8000-000000000000';
    const occurrence = {
      scheduledStart: '2026-12-06T09:00:00.000Z',
      scheduledEnd: '2026-12-06T11:00:00.000Z',
    };
    const answers = [];
    for (const id of [theirs, made]) {
      const session = await h.app.inject({
        method: 'POST',
        url: '/api/v1/sessions/series',
        headers: auth(other),
        payload: { name: 'Linked', groupIds: [id], occurrences: [occurrence] },
      });
      const group = await h.app.inject({
        method: 'POST',
        url: '/api/v1/groups',
        headers: auth(other),
        payload: { name: 'Child', parentId: id },
      });
      answers.push([session.statusCode, group.statusCode]);
      expect(session.json().message).toBe(`No such group in this organization: ${id}`);
    }
    expect(answers).toEqual([
      [400, 400],
      [400, 400],
    ]);
    const linked = await h.db.kysely
      .selectFrom('session_groups')
      .select('group_id')
      .where('organization_id', '=', h.other.organizationId)
      .where('group_id', '=', theirs)
      .execute();
    expect(linked).toHaveLength(0);
  });

  it('bounds report date ranges', async () => {
    const d = await login(h.app, 'admin@demo.rollcall.test');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/reports/trends?from=1900-01-01&to=2026-12-01&format=pdf',
      headers: auth(d),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/at most 5 years/);
  });

  it('refuses unknown organization settings keys', async () => {
    const d = await login(h.app, 'admin@demo.rollcall.test');
    for (const settings of [
      { junk: 'x'.repeat(1000) },
      { labels: { session: 'S', participant: 'P', group: 'G', x: 1 } },
    ]) {
      const res = await h.app.inject({
        method: 'PATCH',
        url: '/api/v1/organization',
        headers: auth(d),
        payload: { settings },
      });
      expect(res.statusCode).toBe(400);
    }
    const ok = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/organization',
      headers: auth(d),
      payload: { settings: { lateAfterMinutes: 7 } },
    });
    expect(ok.statusCode).toBe(200);
  });

  // Near the end: it deletes the other organization.
  it('refuses the devices of a deleted organization', async () => {
    const d = otherAdmin;
    await h.db.kysely
      .updateTable('organizations')
      .set({ deleted_at: new Date(h.clock.now()).toISOString() })
      .where('id', '=', h.other.organizationId)
      .execute();
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(d) });
    expect(me.statusCode).toBe(401);
    const refreshed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: d.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
  });

  // Last: it uses up this app's per-address login allowance.
  it('ignores X-Forwarded-For unless proxies are configured', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 125; i++) {
      const r = await loginAs(h, 'guess@demo.rollcall.test', 'wrong', {
        'x-forwarded-for': `203.0.113.${i}`,
      });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
  });
});

describe('audit log on sqlite', () => {
  it('refuses INSERT OR REPLACE over an entry (REPLACE fires no DELETE trigger)', async () => {
    const h = await createHarness('sqlite');
    try {
      const entry = {
        id: 'a0000000-0000-7000-8000-000000000001',
        organization_id: h.demo.organizationId,
        at: new Date(h.clock.now()).toISOString(),
        source: 'admin',
        action: 'update',
        entity: 'participant',
        entity_id: 'x',
      };
      await h.db.kysely.insertInto('audit_log').values(entry).execute();
      await expect(
        sql`INSERT OR REPLACE INTO audit_log (id, organization_id, at, source, action, entity, entity_id)
          VALUES (${entry.id}, ${entry.organization_id}, ${entry.at}, 'admin', 'forged', 'x', 'x')`.execute(
          h.db.kysely,
        ),
      ).rejects.toThrow(/append-only/);
    } finally {
      await h.close();
    }
  });
});

describe('request log', () => {
  it('never writes an access token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const h = await createHarness('sqlite');
    const app = await buildApp(h.ctx, { logger: { level: 'info', stream } });
    await app.inject({ method: 'GET', url: '/api/v1/sync/stream?access_token=rc1.dev.SECRET123' });
    await app.close();
    await h.close();
    expect(lines.join('')).toContain('/api/v1/sync/stream');
    expect(lines.join('')).not.toContain('SECRET123');
  });
});

describe('CSV cells', () => {
  it('defuse formulas and a leading NUL', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0=1+1'])
      expect(csvCell(risky).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('\0x')).not.toContain('\0');
  });
});
