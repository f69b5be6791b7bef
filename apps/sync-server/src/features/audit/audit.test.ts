// The audit log: filtered reads and a streamed CSV export for admins only, scoped to the caller's
// organization, and append-only at the database on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';
import { csvCell } from '../../lib/csv.ts';

describe('csv cells', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell({ state: 'present' })).toBe('"{""state"":""present""}"');
  });
});

describe.each(dialects)('audit log on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let conflictId: string;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    const [ana, ben] = [
      await login(h.app, 'usher1@demo.rollcall.test'),
      await login(h.app, 'usher2@demo.rollcall.test'),
    ];
    const key = { sessionId: h.demo.sessions[0]!.id, participantId: h.demo.participants[0]!.id };
    await push(h.app, ana, [change(ana, h.clock.now(), { ...key, state: 'present' })]);
    h.clock.advance(1000); // Ana's scan is the earlier one, so hers is the provisional record
    conflictId = (await push(h.app, ben, [change(ben, h.clock.now(), { ...key, state: 'absent' })]))
      .results[0]!.conflictId!;
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${conflictId}/resolve`,
      headers: auth(admin),
      payload: { choice: 'keep_b', note: 'saw her leave' },
    });
  });
  afterAll(() => h.close());

  it('shows who decided what, with old and new values, device and source', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entity=sync_conflict&entityId=${conflictId}`,
      headers: auth(admin),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [
        {
          action: 'resolve_conflict',
          userName: 'Grace Admin',
          deviceId: admin.deviceId,
          source: 'admin',
          oldValues: { state: 'present', status: 'open' },
          newValues: { state: 'absent', choice: 'keep_b', note: 'saw her leave' },
        },
      ],
    });
  });

  it('also filters by table and recordId', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/audit?table=sync_conflict&recordId=${conflictId}`,
      headers: auth(admin),
    });
    expect(res.json()).toMatchObject({ total: 1, items: [{ entityId: conflictId }] });
  });

  it('is for admins of the organization only', async () => {
    const manager = await login(h.app, 'manager@demo.rollcall.test');
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/audit', headers: auth(manager) }))
        .statusCode,
    ).toBe(403);
    const foreign = await login(h.app, 'admin@other.demo.rollcall.test');
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityId=${conflictId}`,
      headers: auth(foreign),
    });
    expect(res.json()).toEqual({ items: [], total: 0 });
  });

  it('exports every matching entry as CSV across keyset pages', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      organization_id: h.demo.organizationId,
      at: '2026-01-01T00:00:00.000Z',
      user_id: null,
      device_id: null,
      source: 'import',
      action: 'bulk',
      entity: 'participant',
      entity_id: `p${i}`,
      old_values: null,
      new_values: '{"n":1}',
    }));
    for (let i = 0; i < rows.length; i += 500)
      await h.db.kysely
        .insertInto('audit_log')
        .values(rows.slice(i, i + 500))
        .execute();
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export.csv?action=bulk',
      headers: auth(admin),
    });
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,user,device,source,action,entity,entity_id,old_values,new_values');
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[6])).size).toBe(2500);
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    await expect(
      h.db.kysely
        .updateTable('audit_log')
        .set({ action: 'tampered' })
        .where('entity_id', '=', conflictId)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      h.db.kysely.deleteFrom('audit_log').where('entity_id', '=', conflictId).execute(),
    ).rejects.toThrow(/append-only/);
    const still = await h.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', conflictId)
      .execute();
    expect(still).toEqual([{ action: 'resolve_conflict' }]);
  });
});
