// Frozen. Refresh tokens rotate: each refresh replaces the device's refresh hash and keeps the one
// it replaced, with when, so a rotated token presented again is recognised as reuse (a stolen copy,
// or a lost response within a short grace) rather than as an unknown token.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('prev_refresh_hash', 'text').execute();
  await db.schema.alterTable('devices').addColumn('refresh_rotated_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').dropColumn('refresh_rotated_at').execute();
  await db.schema.alterTable('devices').dropColumn('prev_refresh_hash').execute();
}
