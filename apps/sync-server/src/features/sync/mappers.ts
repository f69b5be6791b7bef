// Row (snake_case) to wire (camelCase) conversions, in one place.
import type {
  Group,
  Participant,
  PresenceRecord,
  PresenceState,
  Session,
  UserSummary,
} from '@rollcall/shared';
import type { ParticipantRow, PresenceRecordRow, SessionRow, UserRow } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { GroupTable, PresenceStateTable } from '../../db/schema.ts';
import { bool, parseJson } from '../../lib/json.ts';

export const toParticipant = (r: ParticipantRow, groupIds: string[]): Participant => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  preferredName: r.preferred_name,
  personalCode: r.personal_code,
  externalKey: r.external_key,
  qrToken: r.qr_token,
  guardianName: r.guardian_name,
  guardianPhone: r.guardian_phone,
  active: bool(r.active),
  extra: parseJson<Record<string, unknown>>(r.extra, {}),
  groupIds,
  updatedAt: r.updated_at,
});

export const toSession = (r: SessionRow, groupIds: string[]): Session => ({
  id: r.id,
  name: r.name,
  location: r.location,
  groupIds,
  scheduledStart: r.scheduled_start,
  scheduledEnd: r.scheduled_end,
  actualStart: r.actual_start,
  actualEnd: r.actual_end,
  status: r.status,
  lateAfterMinutes: r.late_after_minutes,
});

export const toGroup = (r: Selectable<GroupTable>): Group => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  active: bool(r.active),
});

export const toPresenceState = (r: Selectable<PresenceStateTable>): PresenceState => ({
  id: r.id,
  code: r.code,
  label: r.label,
  color: r.color,
  sortOrder: r.sort_order,
  isDefault: bool(r.is_default),
  countsAsPresent: bool(r.counts_as_present),
  active: bool(r.active),
});

export const toPresenceRecord = (r: PresenceRecordRow): PresenceRecord => ({
  id: r.id,
  sessionId: r.session_id,
  participantId: r.participant_id,
  state: r.state,
  method: r.method,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  deviceId: r.device_id,
  version: r.version,
  hasConflict: bool(r.has_conflict),
  conflictId: r.conflict_id,
  leftAt: r.left_at,
  updatedAt: r.updated_at,
});

export const toUserSummary = (
  r: Pick<UserRow, 'id' | 'display_name' | 'role' | 'active'>,
): UserSummary => ({
  id: r.id,
  displayName: r.display_name,
  role: r.role,
  active: bool(r.active),
});
