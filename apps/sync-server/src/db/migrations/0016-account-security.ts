// Frozen. A second factor for sign-in (TOTP) and per-organization email addresses, both as columns
// on users. TOTP: the secret (pending until confirmed with a first code), the last step accepted
// (a code is refused a second time), the hashed recovery codes, and the hashed challenge that the
// password step hands out for the code step. `shared_email`: a user whose address another
// organization already uses keeps it here, while the globally unique `email` holds a placeholder,
// so creating a user never tells an admin whether another organization has that address.
import type { Kysely } from 'kysely';

const COLUMNS: [string, 'text' | 'integer'][] = [
  ['totp_secret', 'text'],
  ['totp_pending_secret', 'text'],
  ['totp_enabled_at', 'text'],
  ['totp_last_step', 'integer'],
  ['totp_recovery_hashes', 'text'],
  ['totp_challenge_hash', 'text'],
  ['totp_challenge_expires_at', 'text'],
  ['shared_email', 'text'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of COLUMNS)
    await db.schema.alterTable('users').addColumn(name, type).execute();
  // NULLs do not collide in a unique index (SQLite and PostgreSQL alike): only shared addresses do.
  await db.schema
    .createIndex('users_org_shared_email')
    .on('users')
    .columns(['organization_id', 'shared_email'])
    .unique()
    .execute();
  await db.schema.createIndex('users_shared_email').on('users').column('shared_email').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_shared_email').execute();
  await db.schema.dropIndex('users_org_shared_email').execute();
  for (const [name] of [...COLUMNS].reverse())
    await db.schema.alterTable('users').dropColumn(name).execute();
}
