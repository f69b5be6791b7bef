// Frozen. How many of a temporary usher's changes were accepted after their assignment closed
// (expired or revoked) because they were recorded before it: the admin sees it beside the
// check-in counters.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('usher_assignments')
    .addColumn('late_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('usher_assignments').dropColumn('late_count').execute();
}
