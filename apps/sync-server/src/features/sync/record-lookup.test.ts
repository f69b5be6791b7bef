// The push path looks records up by their (session, participant) key. On SQLite a filter on the
// organization made the planner read every record of the organization on every push.
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { recordsByKey } from './sync.repository.ts';

describe('record lookup on sqlite', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
  });
  afterAll(() => h.close());

  it('is planned on the unique key, not on the organization', async () => {
    const q = recordsByKey(
      h.db.kysely,
      [h.demo.sessions[0]!.id, h.demo.sessions[1]!.id],
      h.demo.participants.slice(0, 5).map((p) => p.id),
    ).compile();
    const plan = await h.db.kysely.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]),
    );
    const details = plan.rows.map((r) => r.detail).join('\n');
    expect(details).toMatch(/presence_records_key/);
    expect(details).not.toMatch(/presence_records_org_seq/);
  });
});
