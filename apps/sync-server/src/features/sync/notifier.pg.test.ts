// Two server processes share one PostgreSQL: a change committed through one reaches devices
// streaming from the other (LISTEN/NOTIFY). Two notifiers stand in for the two processes.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, hasPostgres } from '../../test/test-db.ts';
import { postgresNotifier, type ChangeNotice } from './notifier.ts';

describe.runIf(hasPostgres)('postgres notifier', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('delivers a notice published by one process to subscribers of another, per organization', async () => {
    const { db, drop } = await createTestDb('postgres');
    closers.push(drop);
    const a = await postgresNotifier(db.url!, () => {});
    const b = await postgresNotifier(db.url!, () => {});
    closers.push(a.close, b.close);
    const got: ChangeNotice[] = [];
    b.subscribe('org-1', (n) => got.push(n));
    b.subscribe('org-2', () => {
      throw new Error('wrong organization');
    });
    await a.publish({ organizationId: 'org-1', seq: 7, sessionIds: ['s1'] });
    for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([{ organizationId: 'org-1', seq: 7, sessionIds: ['s1'] }]);
  });
});
