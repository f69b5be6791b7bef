// Frozen. Check-out: when a person left a session (the latest departure recorded by any device),
// and that departure as JSON (change id, device, user, HLC stamp: what the rule compares). Both
// null until someone checks them out.
import type { Kysely } from 'kysely';

const COLUMNS = ['left_at', 'departure'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // One statement per column: SQLite adds one column per ALTER TABLE.
  for (const name of COLUMNS)
    await db.schema.alterTable('presence_records').addColumn(name, 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of COLUMNS)
    await db.schema.alterTable('presence_records').dropColumn(name).execute();
}
