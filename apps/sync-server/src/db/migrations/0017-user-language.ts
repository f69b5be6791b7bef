// Frozen. A user's own language for the app ('en', 'es', ...); NULL means the organization's
// default (its settings' `language`), so existing users keep following their organization.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
}
