// Row-level security on PostgreSQL: with `app.organization_id` set for a transaction, another
// organization's rows are invisible and cannot be written for `rollcall_app`, the non-owner role;
// without it (what the app does today) nothing changes. (The tests connect as a superuser, which
// PostgreSQL never subjects to policies; a non-superuser owner is, through FORCE.)
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../test/test-db.ts';
import { createHarness, type Harness } from '../test/harness.ts';
import type { Database } from './schema.ts';

describe.runIf(hasPostgres)('row-level security on postgres', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('postgres');
  });
  afterAll(async () => {
    await h?.close();
  });

  const participantsOf = (trx: Transaction<Database>, organizationId: string) =>
    trx
      .selectFrom('participants')
      .select('id')
      .where('organization_id', '=', organizationId)
      .execute();
  const scopeTo = (trx: Transaction<Database>, organizationId: string) =>
    sql`SELECT set_config('app.organization_id', ${organizationId}, true)`.execute(trx);
  const asApp = (trx: Transaction<Database>) => sql`SET LOCAL ROLE rollcall_app`.execute(trx);

  it('creates a non-owner role that owns no table and cannot bypass the policies', async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>`
      SELECT r.rolsuper, r.rolbypassrls,
        (SELECT count(*)::int FROM pg_tables t WHERE t.tableowner = r.rolname) AS owns
      FROM pg_roles r WHERE r.rolname = 'rollcall_app'`.execute(h.db.kysely);
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owns: 0 }]);
  });

  it("hides another organization's rows once the transaction names its organization", async () => {
    const demo = h.demo.organizationId;
    const other = h.other.organizationId;
    await h.db.kysely.transaction().execute(async (trx) => {
      await asApp(trx);
      await scopeTo(trx, demo);
      expect((await participantsOf(trx, demo)).length).toBe(20);
      expect(await participantsOf(trx, other)).toEqual([]);
      const everyone = await trx.selectFrom('participants').select('organization_id').execute();
      expect(new Set(everyone.map((p) => p.organization_id))).toEqual(new Set([demo]));
      const users = await trx.selectFrom('users').select('organization_id').execute();
      expect(new Set(users.map((u) => u.organization_id))).toEqual(new Set([demo]));
    });
    // The setting is the transaction's own: the next one on the same pool sees both again.
    await h.db.kysely.transaction().execute(async (trx) => {
      await asApp(trx);
      expect((await participantsOf(trx, other)).length).toBe(3);
    });
  });

  it("refuses to write another organization's rows under the setting", async () => {
    const other = h.other.organizationId;
    const write = h.db.kysely.transaction().execute(async (trx) => {
      await asApp(trx);
      await scopeTo(trx, h.demo.organizationId);
      await trx
        .updateTable('participants')
        .set({ first_name: 'Taken' })
        .where('organization_id', '=', other)
        .execute();
      const moved = await trx
        .updateTable('participants')
        .set({ organization_id: other })
        .where('organization_id', '=', h.demo.organizationId)
        .executeTakeFirst();
      return moved;
    });
    await expect(write).rejects.toThrow(/row-level security/);
    const names = await h.db.kysely
      .selectFrom('participants')
      .select('first_name')
      .where('organization_id', '=', other)
      .execute();
    expect(names.some((n) => n.first_name === 'Taken')).toBe(false);
  });

  it('changes nothing for a transaction that does not set it (what the app does today)', async () => {
    await h.db.kysely.transaction().execute(async (trx) => {
      await asApp(trx);
      expect((await participantsOf(trx, h.other.organizationId)).length).toBe(3);
    });
  });
});
