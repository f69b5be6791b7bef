// The domain vocabulary shared by the PWA and the sync server.
export const ROLES = ['admin', 'manager', 'usher', 'temp_usher'] as const;
export type Role = (typeof ROLES)[number];

export const DOMAIN_TYPES = ['church', 'education', 'events', 'corporate', 'training'] as const;

/** The languages the app and its reports ship complete. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export type DomainType = (typeof DOMAIN_TYPES)[number];

export const METHODS = [
  'qr',
  'code',
  'search',
  'manual',
  'bulk',
  'self',
  'resolution',
  'import',
] as const;
export type Method = (typeof METHODS)[number];

export const SESSION_STATUSES = ['scheduled', 'active', 'completed', 'canceled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const CHANGE_KINDS = [
  'presence.set',
  'presence.clear',
  'participant.create',
  // A departure (check-out) of someone checked in: protocol version 3.
  'presence.checkout',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const RESULT_STATUSES = ['applied', 'duplicate', 'merged', 'conflict', 'rejected'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['active', 'expired', 'revoked'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const CONFLICT_STATUSES = ['open', 'resolved', 'auto_resolved'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/** Who may do what. Roles are checked on the server for every request and every change. */
export const can = {
  recordPresence: (role: Role) => role !== 'manager',
  createParticipantOnDevice: (role: Role) => role !== 'manager',
  resolveConflicts: (role: Role) => role === 'admin',
  readReports: (role: Role) => role === 'admin' || role === 'manager',
  manageRoster: (role: Role) => role === 'admin',
};

export const DEFAULT_PRESENCE_STATES = [
  { code: 'present', label: 'Present', color: '#16a34a', countsAsPresent: true, isDefault: true },
  { code: 'late', label: 'Late', color: '#d97706', countsAsPresent: true, isDefault: false },
  { code: 'absent', label: 'Absent', color: '#dc2626', countsAsPresent: false, isDefault: false },
  { code: 'excused', label: 'Excused', color: '#2563eb', countsAsPresent: false, isDefault: false },
] as const;

/** Terminology per domain: a church has services and members, a college has classes and trainees. */
export const DEFAULT_LABELS: Record<
  DomainType,
  { session: string; participant: string; group: string }
> = {
  church: { session: 'Service', participant: 'Member', group: 'Ministry' },
  education: { session: 'Class', participant: 'Student', group: 'Class group' },
  events: { session: 'Event', participant: 'Guest', group: 'Ticket type' },
  corporate: { session: 'Meeting', participant: 'Employee', group: 'Team' },
  training: { session: 'Training day', participant: 'Trainee', group: 'Platoon' },
};

/** The QR on a badge: versioned, bound to its organization so a foreign badge is recognised. */
const BADGE_PREFIX = 'rollcall:1:';
export function formatBadgePayload(organizationId: string, qrToken: string): string {
  return `${BADGE_PREFIX}${organizationId}:${qrToken}`;
}
export type BadgeParse =
  { ok: true; organizationId: string; qrToken: string } | { ok: false; reason: 'not_a_badge' };
export function parseBadgePayload(text: string): BadgeParse {
  const t = text.trim();
  if (!t.startsWith(BADGE_PREFIX)) return { ok: false, reason: 'not_a_badge' };
  const [organizationId, qrToken, ...rest] = t.slice(BADGE_PREFIX.length).split(':');
  if (!organizationId || !qrToken || rest.length > 0) return { ok: false, reason: 'not_a_badge' };
  return { ok: true, organizationId, qrToken };
}

export const PERSONAL_CODE_PATTERN = '^[0-9]{5}$';
