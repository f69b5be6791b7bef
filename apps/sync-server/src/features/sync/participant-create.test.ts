// The savepoint behind every device-made participant: a clash the checks did not foresee (a writer
// outside the push path) undoes that one insert, and the push's transaction goes on and commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@rollcall/shared';
import { dialects } from '../../test/test-db.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { insertAlone } from './participant-create.ts';

describe.each(dialects)('participant creation on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect, { participants: 3 });
  });
  afterAll(() => h.close());

  it('undoes only a clashing insert and keeps the transaction usable', async () => {
    const existing = await h.db.kysely
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', h.demo.participants[0]!.id)
      .executeTakeFirstOrThrow();
    const fresh = {
      ...existing,
      id: uuidv7(),
      personal_code: '99999',
      qr_token: 'fresh-token',
      external_key: 'fresh-key',
    };
    const outcome = await h.db.kysely.transaction().execute(async (trx) => {
      const clash = await insertAlone(trx, async () => {
        await trx.insertInto('participants').values(fresh).execute();
        // The same external key as an existing participant: refused by the unique index.
        await trx
          .insertInto('participants')
          .values({ ...existing, id: uuidv7(), personal_code: '99997', qr_token: 'other-token' })
          .execute();
      });
      const next = await insertAlone(trx, async () => {
        await trx
          .insertInto('participants')
          .values({ ...fresh, external_key: null, personal_code: '99998', qr_token: 'next' })
          .execute();
      });
      return { clash, next };
    });
    expect(outcome).toEqual({ clash: false, next: true });
    const rows = await h.db.kysely
      .selectFrom('participants')
      .select(['id', 'qr_token'])
      .where('qr_token', 'in', ['fresh-token', 'other-token', 'next'])
      .execute();
    // The whole clashing write is undone (its first, valid row too); the next one committed.
    expect(rows.map((r) => r.qr_token)).toEqual(['next']);
  });
});
