// Kysely table types. Columns are snake_case; ids are text UUIDs; times are ISO-8601 text;
// booleans are 0/1 integers so the same migration runs on SQLite and PostgreSQL.
import type { Generated, Selectable } from 'kysely';

type Bool = number;

export interface ServerMetaTable {
  key: string;
  value: string;
}
export interface SyncCounterTable {
  organization_id: string;
  value: number;
}

export interface OrganizationTable {
  id: string;
  name: string;
  slug: string;
  domain_type: string;
  settings: string;
  deleted_at: string | null;
  created_at: string;
  seq: number;
}
export interface UserTable {
  id: string;
  organization_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: Bool;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  seq: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  /** JSON array of the unused recovery codes' SHA-256 hashes. */
  totp_recovery_hashes: string | null;
  totp_challenge_hash: string | null;
  totp_challenge_expires_at: string | null;
  /** The address of a user whose address another organization also uses (`email` is then a placeholder). */
  shared_email: string | null;
  /** The user's own language ('en' | 'es'); null: the organization's default. */
  language: string | null;
}
export interface UsherAssignmentTable {
  id: string;
  organization_id: string;
  user_id: string;
  expires_at: string;
  status: string;
  location: string | null;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  checkins_count: number;
  qr_count: number;
  code_count: number;
  /** Accepted after the assignment closed, recorded before it (0007). */
  late_count: Generated<number>;
}
export interface DeviceTable {
  id: string;
  organization_id: string;
  user_id: string;
  name: string | null;
  app_version: string | null;
  access_hash: string | null;
  access_expires_at: string | null;
  refresh_hash: string | null;
  refresh_expires_at: string | null;
  /** The refresh hash the last rotation replaced (0010): presenting it again is reuse. */
  prev_refresh_hash: string | null;
  refresh_rotated_at: string | null;
  revoked_at: string | null;
  last_seen_at: string | null;
  last_sync_at: string | null;
  pending_count: number | null;
  created_at: string;
}
export interface GroupTable {
  id: string;
  organization_id: string;
  name: string;
  parent_id: string | null;
  active: Bool;
  updated_at: string;
  seq: number;
}
export interface ParticipantTable {
  id: string;
  organization_id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  personal_code: string;
  external_key: string | null;
  qr_token: string;
  guardian_name: string | null;
  guardian_phone: string | null;
  active: Bool;
  extra: string;
  created_at: string;
  updated_at: string;
  seq: number;
}
export interface MembershipTable {
  organization_id: string;
  group_id: string;
  participant_id: string;
}
export interface SessionTable {
  id: string;
  organization_id: string;
  name: string;
  location: string | null;
  scheduled_start: string;
  scheduled_end: string;
  actual_start: string | null;
  actual_end: string | null;
  status: string;
  late_after_minutes: number | null;
  updated_at: string;
  seq: number;
}
export interface SessionGroupTable {
  organization_id: string;
  session_id: string;
  group_id: string;
}
export interface PresenceStateTable {
  id: string;
  organization_id: string;
  code: string;
  label: string;
  color: string;
  sort_order: number;
  is_default: Bool;
  counts_as_present: Bool;
  active: Bool;
  seq: number;
}
export interface PresenceRecordTable {
  id: string;
  organization_id: string;
  session_id: string;
  participant_id: string;
  state: string | null;
  method: string;
  recorded_at: string;
  recorded_by: string;
  device_id: string;
  change_id: string;
  version: number;
  has_conflict: Bool;
  conflict_id: string | null;
  key_state: string;
  /** The latest departure (check-out), from 0013: the time left, and the departure as JSON. */
  left_at: string | null;
  departure: string | null;
  created_at: string;
  updated_at: string;
  seq: number;
}
export interface ChangeTable {
  change_id: string;
  organization_id: string;
  device_id: string;
  /** With device_id, names one change (indexed since 0006; 0 for server-made changes). */
  device_seq: number;
  user_id: string;
  kind: string;
  session_id: string | null;
  participant_id: string;
  /** The change as canonical JSON (sorted keys, lower-case ids): a replay is compared with it. */
  payload: string;
  status: string;
  version: number | null;
  conflict_id: string | null;
  grace_accepted: Bool;
  received_at: string;
  history_id: string;
}
export interface SyncConflictTable {
  id: string;
  organization_id: string;
  session_id: string;
  participant_id: string;
  status: string;
  base_version: number;
  version_a: string;
  version_b: string;
  other_versions: string;
  resolution_choice: string | null;
  resolution_state: string | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  rule: string | null;
  created_at: string;
  updated_at: string;
}
export interface SyncHistoryTable {
  id: string;
  organization_id: string;
  device_id: string;
  user_id: string;
  received: number;
  applied: number;
  duplicate: number;
  merged: number;
  conflict: number;
  rejected: number;
  status: string;
  error: string | null;
  duration_ms: number;
  started_at: string;
  app_version: string | null;
}
export interface SyncRejectionTable {
  id: string;
  history_id: string;
  organization_id: string;
  device_id: string;
  change_index: number;
  change_id: string | null;
  payload: string;
  code: string;
  reason: string;
  created_at: string;
  reapplied_at: string | null;
}
export interface AuditLogTable {
  id: string;
  organization_id: string;
  at: string;
  user_id: string | null;
  device_id: string | null;
  source: string;
  action: string;
  entity: string;
  entity_id: string;
  old_values: string | null;
  new_values: string | null;
}
export interface TombstoneTable {
  id: string;
  organization_id: string;
  entity: string;
  entity_id: string;
  /** A presence record's session and participant (0008): devices key records by the pair. */
  session_id: string | null;
  participant_id: string | null;
  created_at: string;
  seq: number;
}

export interface ExcuseTable {
  id: string;
  organization_id: string;
  session_id: string;
  participant_id: string;
  reason: string;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment_base64: string | null;
  status: string;
  submitted_by: string;
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface NotificationTable {
  id: string;
  organization_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  payload: string;
  link_type: string;
  link_id: string;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}
export interface NotificationPreferenceTable {
  user_id: string;
  organization_id: string;
  kind: string;
  enabled: Bool;
  updated_at: string;
}

export interface LoginThrottleTable {
  email: string;
  failures: number;
  locked_until: string | null;
}

export interface Database {
  server_meta: ServerMetaTable;
  sync_counters: SyncCounterTable;
  organizations: OrganizationTable;
  users: UserTable;
  usher_assignments: UsherAssignmentTable;
  devices: DeviceTable;
  groups: GroupTable;
  participants: ParticipantTable;
  group_memberships: MembershipTable;
  sessions: SessionTable;
  session_groups: SessionGroupTable;
  presence_states: PresenceStateTable;
  presence_records: PresenceRecordTable;
  changes: ChangeTable;
  sync_conflicts: SyncConflictTable;
  sync_history: SyncHistoryTable;
  sync_rejections: SyncRejectionTable;
  audit_log: AuditLogTable;
  tombstones: TombstoneTable;
  excuses: ExcuseTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  login_throttle: LoginThrottleTable;
}

export type UserRow = Selectable<UserTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type ParticipantRow = Selectable<ParticipantTable>;
export type SessionRow = Selectable<SessionTable>;
export type PresenceRecordRow = Selectable<PresenceRecordTable>;
export type ConflictRow = Selectable<SyncConflictTable>;
export type AssignmentRow = Selectable<UsherAssignmentTable>;
