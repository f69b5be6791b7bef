// Rows as they travel between server and devices (camelCase; the server converts from snake_case).
import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import {
  CONFLICT_STATUSES,
  DOMAIN_TYPES,
  LANGUAGES,
  type Language,
  METHODS,
  ROLES,
  SESSION_STATUSES,
} from '../domain.ts';
import { IsoDateTime, Nullable, Uuid } from './common.ts';

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)));

export const RoleSchema = literals(ROLES);
export const MethodSchema = literals(METHODS);
export const SessionStatusSchema = literals(SESSION_STATUSES);
export const DomainTypeSchema = literals(DOMAIN_TYPES);
export const ConflictStatusSchema = literals(CONFLICT_STATUSES);
export const LanguageSchema = Type.Union(
  LANGUAGES.map((l) => Type.Literal(l)) as [TLiteral<Language>, ...TLiteral<Language>[]],
);

export const PolicyRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('qr_beats_manual_absent') }),
  Type.Object({
    kind: Type.Literal('earliest_arrival_between'),
    states: Type.Array(Type.String()),
  }),
  Type.Object({ kind: Type.Literal('latest_wins') }),
]);

/** How a device checks a station PIN offline (see station-pin.ts); never the PIN itself. */
export const StationPinVerifierSchema = Type.Object({
  algorithm: Type.Literal('PBKDF2-SHA256'),
  iterations: Type.Integer({ minimum: 1000, maximum: 10_000_000 }),
  salt: Type.String({ description: 'base64' }),
  hash: Type.String({ description: 'base64' }),
});
export type StationPinVerifier = Static<typeof StationPinVerifierSchema>;

export const OrganizationSettingsSchema = Type.Object({
  /** The organization's own words for a session, a participant and a group (singular; the plurals
   * are optional, absent means the app forms them). */
  labels: Type.Object({
    session: Type.String({ minLength: 1, maxLength: 40 }),
    participant: Type.String({ minLength: 1, maxLength: 40 }),
    group: Type.String({ minLength: 1, maxLength: 40 }),
    sessions: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    participants: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    groups: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  }),
  /** The organization's default language for screens, PDFs and CSV headers; absent means 'en'. */
  language: Type.Optional(LanguageSchema),
  lateAfterMinutes: Type.Integer({ minimum: 0, maximum: 1440 }),
  conflictPolicy: Type.Object({ rules: Type.Array(PolicyRuleSchema) }),
  tempUsherGraceHours: Type.Integer({ minimum: 0, maximum: 720 }),
  /** Leaving a locked station (door or kiosk) needs this PIN; null: a confirmation is enough. */
  stationPin: Nullable(StationPinVerifierSchema),
  /** A locked door station shows the session's roster (off: code, camera and name search only). */
  stationShowsRoster: Type.Boolean(),
  /** A locked door station that shows the roster offers "Mark all present". */
  stationAllowsMarkAll: Type.Boolean(),
  recordDepartures: Type.Optional(
    Type.Boolean({ description: 'devices offer check-out (time left); absent means false' }),
  ),
  /** Where "today", report weeks and printed times are reckoned. */
  timeZone: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'an IANA time zone, for example America/Los_Angeles',
  }),
});
export type OrganizationSettings = Static<typeof OrganizationSettingsSchema>;

export const OrganizationSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  domainType: DomainTypeSchema,
  settings: OrganizationSettingsSchema,
});
export type Organization = Static<typeof OrganizationSchema>;

export const UserSummarySchema = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  role: RoleSchema,
  active: Type.Boolean(),
});
export type UserSummary = Static<typeof UserSummarySchema>;

export const ParticipantSchema = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  preferredName: Nullable(Type.String()),
  personalCode: Type.String(),
  externalKey: Nullable(Type.String()),
  qrToken: Type.String(),
  guardianName: Nullable(Type.String()),
  guardianPhone: Nullable(Type.String()),
  active: Type.Boolean(),
  extra: Type.Record(Type.String(), Type.Unknown()),
  groupIds: Type.Array(Uuid),
  updatedAt: IsoDateTime,
});
export type Participant = Static<typeof ParticipantSchema>;

export const GroupSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  parentId: Nullable(Uuid),
  active: Type.Boolean(),
});
export type Group = Static<typeof GroupSchema>;

export const SessionSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  location: Nullable(Type.String()),
  groupIds: Type.Array(Uuid),
  scheduledStart: IsoDateTime,
  scheduledEnd: IsoDateTime,
  actualStart: Nullable(IsoDateTime),
  actualEnd: Nullable(IsoDateTime),
  status: SessionStatusSchema,
  lateAfterMinutes: Nullable(Type.Integer({ minimum: 0 })),
});
export type Session = Static<typeof SessionSchema>;

export const PresenceStateSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  label: Type.String(),
  color: Type.String(),
  sortOrder: Type.Integer(),
  isDefault: Type.Boolean(),
  countsAsPresent: Type.Boolean(),
  active: Type.Boolean(),
});
export type PresenceState = Static<typeof PresenceStateSchema>;

export const PresenceRecordSchema = Type.Object({
  id: Uuid,
  sessionId: Uuid,
  participantId: Uuid,
  state: Nullable(Type.String({ description: 'null when the record was cleared' })),
  method: Type.String(),
  recordedAt: IsoDateTime,
  recordedBy: Uuid,
  deviceId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  hasConflict: Type.Boolean(),
  conflictId: Nullable(Uuid),
  /** When the person left (the latest check-out), null if not checked out; from version 3. */
  leftAt: Type.Optional(Nullable(IsoDateTime)),
  updatedAt: IsoDateTime,
});
export type PresenceRecord = Static<typeof PresenceRecordSchema>;

export const TombstoneSchema = Type.Object({
  entity: Type.Union([
    Type.Literal('participant'),
    Type.Literal('group'),
    Type.Literal('session'),
    Type.Literal('presenceState'),
    Type.Literal('presenceRecord'),
  ]),
  id: Uuid,
  // A presence record's key on devices (which never store the server's record id). Optional, so
  // apps that predate it keep working: they skip presence record tombstones.
  sessionId: Type.Optional(Uuid),
  participantId: Type.Optional(Uuid),
});
export type Tombstone = Static<typeof TombstoneSchema>;
