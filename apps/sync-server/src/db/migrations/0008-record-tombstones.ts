// Frozen. A tombstone of a presence record also names its session and participant: devices store
// records under (session, participant) and never learn the server's record id, so the id alone
// cannot tell them which row to drop. Null for the other entities.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tombstones').addColumn('session_id', 'text').execute();
  await db.schema.alterTable('tombstones').addColumn('participant_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tombstones').dropColumn('participant_id').execute();
  await db.schema.alterTable('tombstones').dropColumn('session_id').execute();
}
