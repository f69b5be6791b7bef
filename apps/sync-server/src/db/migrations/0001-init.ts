// Frozen: takes Kysely<any> and never imports application code. Only portable types
// (text, integer, bigint-free) so it runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

const id = 'text';
type Builder = ReturnType<Kysely<any>['schema']['createTable']>;
const orgScoped = (t: Builder) =>
  t.addColumn('id', id, (c) => c.primaryKey()).addColumn('organization_id', id, (c) => c.notNull());
const withSeq = (t: Builder) => t.addColumn('seq', 'integer', (c) => c.notNull());

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sync_counters')
    .addColumn('organization_id', id, (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await withSeq(
    db.schema
      .createTable('organizations')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('domain_type', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();

  await withSeq(
    orgScoped(db.schema.createTable('users'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('users_org_seq')
    .on('users')
    .columns(['organization_id', 'seq'])
    .execute();

  await orgScoped(db.schema.createTable('usher_assignments'))
    .addColumn('user_id', id, (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('created_by', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('checkins_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('qr_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('code_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('assignments_user')
    .on('usher_assignments')
    .columns(['user_id', 'created_at'])
    .execute();

  await orgScoped(db.schema.createTable('devices'))
    .addColumn('user_id', id, (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('app_version', 'text')
    .addColumn('access_hash', 'text')
    .addColumn('access_expires_at', 'text')
    .addColumn('refresh_hash', 'text')
    .addColumn('refresh_expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('pending_count', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('devices_org')
    .on('devices')
    .columns(['organization_id', 'user_id'])
    .execute();

  await withSeq(
    orgScoped(db.schema.createTable('groups'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', id)
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('groups_org_seq')
    .on('groups')
    .columns(['organization_id', 'seq'])
    .execute();

  await withSeq(
    orgScoped(db.schema.createTable('participants'))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('preferred_name', 'text')
      .addColumn('personal_code', 'text', (c) => c.notNull())
      .addColumn('external_key', 'text')
      .addColumn('qr_token', 'text', (c) => c.notNull())
      .addColumn('guardian_name', 'text')
      .addColumn('guardian_phone', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('participants_org_seq')
    .on('participants')
    .columns(['organization_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('participants_code')
    .unique()
    .on('participants')
    .columns(['organization_id', 'personal_code'])
    .execute();
  await db.schema
    .createIndex('participants_qr')
    .unique()
    .on('participants')
    .columns(['organization_id', 'qr_token'])
    .execute();
  await db.schema
    .createIndex('participants_key')
    .unique()
    .on('participants')
    .columns(['organization_id', 'external_key'])
    .execute();

  await db.schema
    .createTable('group_memberships')
    .addColumn('organization_id', id, (c) => c.notNull())
    .addColumn('group_id', id, (c) => c.notNull())
    .addColumn('participant_id', id, (c) => c.notNull())
    .addPrimaryKeyConstraint('group_memberships_pk', ['group_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('memberships_participant')
    .on('group_memberships')
    .column('participant_id')
    .execute();

  await withSeq(
    orgScoped(db.schema.createTable('sessions'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('scheduled_start', 'text', (c) => c.notNull())
      .addColumn('scheduled_end', 'text', (c) => c.notNull())
      .addColumn('actual_start', 'text')
      .addColumn('actual_end', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('late_after_minutes', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('sessions_org_seq')
    .on('sessions')
    .columns(['organization_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('sessions_org_start')
    .on('sessions')
    .columns(['organization_id', 'scheduled_start'])
    .execute();

  await db.schema
    .createTable('session_groups')
    .addColumn('organization_id', id, (c) => c.notNull())
    .addColumn('session_id', id, (c) => c.notNull())
    .addColumn('group_id', id, (c) => c.notNull())
    .addPrimaryKeyConstraint('session_groups_pk', ['session_id', 'group_id'])
    .execute();

  await withSeq(
    orgScoped(db.schema.createTable('presence_states'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('color', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('counts_as_present', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema
    .createIndex('presence_states_code')
    .unique()
    .on('presence_states')
    .columns(['organization_id', 'code'])
    .execute();

  await withSeq(
    orgScoped(db.schema.createTable('presence_records'))
      .addColumn('session_id', id, (c) => c.notNull())
      .addColumn('participant_id', id, (c) => c.notNull())
      .addColumn('state', 'text')
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', id, (c) => c.notNull())
      .addColumn('device_id', id, (c) => c.notNull())
      .addColumn('change_id', id, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('has_conflict', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('conflict_id', id)
      .addColumn('key_state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('presence_records_key')
    .unique()
    .on('presence_records')
    .columns(['session_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('presence_records_org_seq')
    .on('presence_records')
    .columns(['organization_id', 'seq'])
    .execute();

  await db.schema
    .createTable('changes')
    .addColumn('change_id', id, (c) => c.primaryKey())
    .addColumn('organization_id', id, (c) => c.notNull())
    .addColumn('device_id', id, (c) => c.notNull())
    .addColumn('device_seq', 'integer', (c) => c.notNull())
    .addColumn('user_id', id, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_id', id)
    .addColumn('participant_id', id, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('conflict_id', id)
    .addColumn('grace_accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('history_id', id, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('changes_session')
    .on('changes')
    .columns(['session_id', 'participant_id'])
    .execute();

  await orgScoped(db.schema.createTable('sync_conflicts'))
    .addColumn('session_id', id, (c) => c.notNull())
    .addColumn('participant_id', id, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('version_a', 'text', (c) => c.notNull())
    .addColumn('version_b', 'text', (c) => c.notNull())
    .addColumn('other_versions', 'text', (c) => c.notNull())
    .addColumn('resolution_choice', 'text')
    .addColumn('resolution_state', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', id)
    .addColumn('resolved_at', 'text')
    .addColumn('rule', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conflicts_org_status')
    .on('sync_conflicts')
    .columns(['organization_id', 'status', 'created_at'])
    .execute();

  await orgScoped(db.schema.createTable('sync_history'))
    .addColumn('device_id', id, (c) => c.notNull())
    .addColumn('user_id', id, (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('applied', 'integer', (c) => c.notNull())
    .addColumn('duplicate', 'integer', (c) => c.notNull())
    .addColumn('merged', 'integer', (c) => c.notNull())
    .addColumn('conflict', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text')
    .execute();
  await db.schema
    .createIndex('history_org_started')
    .on('sync_history')
    .columns(['organization_id', 'started_at'])
    .execute();

  await orgScoped(db.schema.createTable('sync_rejections'))
    .addColumn('history_id', id, (c) => c.notNull())
    .addColumn('device_id', id, (c) => c.notNull())
    .addColumn('change_index', 'integer', (c) => c.notNull())
    .addColumn('change_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reapplied_at', 'text')
    .execute();
  await db.schema
    .createIndex('rejections_history')
    .on('sync_rejections')
    .column('history_id')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', id, (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', id)
    .addColumn('device_id', id)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('old_values', 'text')
    .addColumn('new_values', 'text')
    .execute();
  await db.schema
    .createIndex('audit_org_at')
    .on('audit_log')
    .columns(['organization_id', 'at'])
    .execute();

  await withSeq(
    orgScoped(db.schema.createTable('tombstones'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', id, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('tombstones_org_seq')
    .on('tombstones')
    .columns(['organization_id', 'seq'])
    .execute();

  // A new epoch per database: a device holding a cursor from another database gets a reset answer.
  await db.insertInto('server_meta').values({ key: 'epoch', value: randomEpoch() }).execute();
}

function randomEpoch(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'tombstones',
    'audit_log',
    'sync_rejections',
    'sync_history',
    'sync_conflicts',
    'changes',
    'presence_records',
    'presence_states',
    'session_groups',
    'sessions',
    'group_memberships',
    'participants',
    'groups',
    'devices',
    'usher_assignments',
    'users',
    'organizations',
    'sync_counters',
    'server_meta',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
