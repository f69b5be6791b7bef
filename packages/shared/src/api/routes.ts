// The admin API as one table: for each route its method, URL and the schemas its query, body and
// answer follow. The server's test checks that every route here is registered as written, and the
// web's client (apps/web/src/lib/api-client.ts) is built from it, so a call site names a route and
// gets the schema's types instead of writing a URL and guessing the answer's shape.
// The device protocol (sign-in, push, pull, the event streams) is not here: apps/web/src/sync/api.ts.
import type { Static, TSchema } from '@sinclair/typebox';
import {
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  NotificationReadSchema,
  ReadAllSchema,
  UnreadCountSchema,
} from '../protocol/notifications.ts';
import {
  BulkResolveSchema,
  ConflictListQuerySchema,
  ResolutionSchema,
} from '../protocol/conflicts.ts';
import {
  GroupSchema,
  OrganizationSchema,
  ParticipantSchema,
  PresenceStateSchema,
  SessionSchema,
} from '../protocol/entities.ts';
import {
  LanguageChoiceSchema,
  PasswordChangeSchema,
  PasswordConfirmSchema,
  RecoveryCodesSchema,
  TotpConfirmSchema,
  TotpEnrolmentSchema,
  TotpStatusSchema,
} from './account.ts';
import { AuditFiltersSchema, AuditListQuerySchema, AuditPageSchema } from './audit.ts';
import { CreatedIdSchema } from './common.ts';
import {
  BulkResolveResultSchema,
  ConflictDetailSchema,
  ConflictPageSchema,
  ResolvedConflictSchema,
} from './conflicts.ts';
import {
  ExcuseDecisionResultSchema,
  ExcuseDecisionSchema,
  ExcuseInputSchema,
  ExcuseListQuerySchema,
  ExcuseListSchema,
} from './excuses.ts';
import {
  PushDetailSchema,
  PushHistoryPageSchema,
  ReapplyResultSchema,
  SyncHistoryQuerySchema,
} from './history.ts';
import {
  AttendanceImportOutcomeSchema,
  ImportOutcomeSchema,
  ImportRequestSchema,
} from './imports.ts';
import { LiveSnapshotSchema } from './live.ts';
import {
  OrganizationPatchSchema,
  PresenceStateInputSchema,
  PresenceStateListSchema,
  PresenceStatePatchSchema,
} from './organizations.ts';
import {
  AttendanceHistoryQuerySchema,
  AttendanceHistorySchema,
  ParticipantInputSchema,
  ParticipantListQuerySchema,
  ParticipantPageSchema,
  ParticipantPatchSchema,
  QrTokenSchema,
} from './participants.ts';
import {
  AssignmentEndSchema,
  DeviceListSchema,
  DeviceNameInputSchema,
  DeviceNameSchema,
  PasswordResetSchema,
  UserInputSchema,
  UserListSchema,
  UserUpdateSchema,
} from './people.ts';
import * as report from './reports.ts';
import { RetentionPolicySchema, RetentionSchema } from './retention.ts';
import {
  GroupInputSchema,
  GroupListSchema,
  SessionInputSchema,
  SessionListQuerySchema,
  SessionListSchema,
  SessionPatchSchema,
  SessionSeriesInputSchema,
} from './sessions.ts';

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT';

/**
 * One route. `path` names its parameters as the server does (`:id`); `response` is the schema of
 * a successful answer (none: it answers 204 No Content); `file` marks an answer that is a file
 * (CSV, an attachment), not JSON.
 */
export interface ApiRouteSpec {
  method: ApiMethod;
  path: `/api/v1/${string}`;
  query?: TSchema;
  body?: TSchema;
  response?: TSchema;
  file?: true;
}

// `const` keeps each path a literal type, so its parameters can be read from it.
const route = <const R extends ApiRouteSpec>(r: R): R => r;

export const apiRoutes = {
  participants: {
    list: route({
      method: 'GET',
      path: '/api/v1/participants',
      query: ParticipantListQuerySchema,
      response: ParticipantPageSchema,
    }),
    create: route({
      method: 'POST',
      path: '/api/v1/participants',
      body: ParticipantInputSchema,
      response: ParticipantSchema,
    }),
    update: route({
      method: 'PATCH',
      path: '/api/v1/participants/:id',
      body: ParticipantPatchSchema,
      response: ParticipantSchema,
    }),
    rotateQr: route({
      method: 'POST',
      path: '/api/v1/participants/:id/rotate-qr',
      response: QrTokenSchema,
    }),
    attendance: route({
      method: 'GET',
      path: '/api/v1/participants/:id/attendance',
      query: AttendanceHistoryQuerySchema,
      response: AttendanceHistorySchema,
    }),
  },
  sessions: {
    list: route({
      method: 'GET',
      path: '/api/v1/sessions',
      query: SessionListQuerySchema,
      response: SessionListSchema,
    }),
    create: route({
      method: 'POST',
      path: '/api/v1/sessions',
      body: SessionInputSchema,
      response: SessionSchema,
    }),
    createSeries: route({
      method: 'POST',
      path: '/api/v1/sessions/series',
      body: SessionSeriesInputSchema,
      response: SessionListSchema,
    }),
    update: route({
      method: 'PATCH',
      path: '/api/v1/sessions/:id',
      body: SessionPatchSchema,
      response: SessionSchema,
    }),
    live: route({
      method: 'GET',
      path: '/api/v1/sessions/:id/live',
      response: LiveSnapshotSchema,
    }),
  },
  groups: {
    list: route({ method: 'GET', path: '/api/v1/groups', response: GroupListSchema }),
    create: route({
      method: 'POST',
      path: '/api/v1/groups',
      body: GroupInputSchema,
      response: GroupSchema,
    }),
  },
  organization: {
    get: route({ method: 'GET', path: '/api/v1/organization', response: OrganizationSchema }),
    update: route({
      method: 'PATCH',
      path: '/api/v1/organization',
      body: OrganizationPatchSchema,
      response: OrganizationSchema,
    }),
    retention: route({
      method: 'GET',
      path: '/api/v1/organization/retention',
      response: RetentionSchema,
    }),
    setRetention: route({
      method: 'PUT',
      path: '/api/v1/organization/retention',
      body: RetentionPolicySchema,
      response: RetentionSchema,
    }),
  },
  presenceStates: {
    list: route({
      method: 'GET',
      path: '/api/v1/presence-states',
      response: PresenceStateListSchema,
    }),
    create: route({
      method: 'POST',
      path: '/api/v1/presence-states',
      body: PresenceStateInputSchema,
      response: PresenceStateSchema,
    }),
    update: route({
      method: 'PATCH',
      path: '/api/v1/presence-states/:id',
      body: PresenceStatePatchSchema,
      response: PresenceStateSchema,
    }),
  },
  conflicts: {
    list: route({
      method: 'GET',
      path: '/api/v1/conflicts',
      query: ConflictListQuerySchema,
      response: ConflictPageSchema,
    }),
    get: route({ method: 'GET', path: '/api/v1/conflicts/:id', response: ConflictDetailSchema }),
    resolve: route({
      method: 'POST',
      path: '/api/v1/conflicts/:id/resolve',
      body: ResolutionSchema,
      response: ResolvedConflictSchema,
    }),
    bulkResolve: route({
      method: 'POST',
      path: '/api/v1/conflicts/bulk-resolve',
      body: BulkResolveSchema,
      response: BulkResolveResultSchema,
    }),
  },
  notifications: {
    list: route({
      method: 'GET',
      path: '/api/v1/notifications',
      query: NotificationListQuerySchema,
      response: NotificationListSchema,
    }),
    unreadCount: route({
      method: 'GET',
      path: '/api/v1/notifications/unread-count',
      response: UnreadCountSchema,
    }),
    read: route({
      method: 'POST',
      path: '/api/v1/notifications/:id/read',
      response: NotificationReadSchema,
    }),
    readAll: route({
      method: 'POST',
      path: '/api/v1/notifications/read-all',
      response: ReadAllSchema,
    }),
    preferences: route({
      method: 'GET',
      path: '/api/v1/notifications/preferences',
      response: NotificationPreferencesSchema,
    }),
    setPreferences: route({
      method: 'PATCH',
      path: '/api/v1/notifications/preferences',
      body: NotificationPreferencesUpdateSchema,
      response: NotificationPreferencesSchema,
    }),
  },
  history: {
    list: route({
      method: 'GET',
      path: '/api/v1/sync-history',
      query: SyncHistoryQuerySchema,
      response: PushHistoryPageSchema,
    }),
    get: route({ method: 'GET', path: '/api/v1/sync-history/:id', response: PushDetailSchema }),
    reapply: route({
      method: 'POST',
      path: '/api/v1/sync-rejections/:id/reapply',
      response: ReapplyResultSchema,
    }),
  },
  excuses: {
    list: route({
      method: 'GET',
      path: '/api/v1/excuses',
      query: ExcuseListQuerySchema,
      response: ExcuseListSchema,
    }),
    submit: route({
      method: 'POST',
      path: '/api/v1/excuses',
      body: ExcuseInputSchema,
      response: CreatedIdSchema,
    }),
    approve: route({
      method: 'POST',
      path: '/api/v1/excuses/:id/approve',
      body: ExcuseDecisionSchema,
      response: ExcuseDecisionResultSchema,
    }),
    reject: route({
      method: 'POST',
      path: '/api/v1/excuses/:id/reject',
      body: ExcuseDecisionSchema,
      response: ExcuseDecisionResultSchema,
    }),
    attachment: route({ method: 'GET', path: '/api/v1/excuses/:id/attachment', file: true }),
  },
  audit: {
    list: route({
      method: 'GET',
      path: '/api/v1/audit',
      query: AuditListQuerySchema,
      response: AuditPageSchema,
    }),
    exportCsv: route({
      method: 'GET',
      path: '/api/v1/audit/export.csv',
      query: AuditFiltersSchema,
      file: true,
    }),
  },
  imports: {
    participants: route({
      method: 'POST',
      path: '/api/v1/imports/participants',
      body: ImportRequestSchema,
      response: ImportOutcomeSchema,
    }),
    attendance: route({
      method: 'POST',
      path: '/api/v1/imports/attendance',
      body: ImportRequestSchema,
      response: AttendanceImportOutcomeSchema,
    }),
    participantsTemplate: route({
      method: 'GET',
      path: '/api/v1/imports/participants/template.csv',
      file: true,
    }),
    attendanceTemplate: route({
      method: 'GET',
      path: '/api/v1/imports/attendance/template.csv',
      file: true,
    }),
  },
  // Each report answers JSON, or with `format` a CSV or PDF file (see `files` in the web's client).
  reports: {
    attendance: route({
      method: 'GET',
      path: '/api/v1/reports/attendance',
      query: report.AttendanceQuery,
      response: report.AttendanceReport,
    }),
    absentees: route({
      method: 'GET',
      path: '/api/v1/reports/absentees',
      query: report.AbsenteesQuery,
      response: report.AbsenteesReport,
    }),
    drifting: route({
      method: 'GET',
      path: '/api/v1/reports/drifting',
      query: report.DriftingQuery,
      response: report.DriftingReport,
    }),
    trends: route({
      method: 'GET',
      path: '/api/v1/reports/trends',
      query: report.TrendsQuery,
      response: report.TrendsReport,
    }),
    usherActivity: route({
      method: 'GET',
      path: '/api/v1/reports/usher-activity',
      query: report.UsherActivityQuery,
      response: report.UsherActivityReport,
    }),
  },
  users: {
    list: route({ method: 'GET', path: '/api/v1/users', response: UserListSchema }),
    create: route({
      method: 'POST',
      path: '/api/v1/users',
      body: UserInputSchema,
      response: CreatedIdSchema,
    }),
    update: route({ method: 'PATCH', path: '/api/v1/users/:id', body: UserUpdateSchema }),
    setPassword: route({
      method: 'POST',
      path: '/api/v1/users/:id/password',
      body: PasswordResetSchema,
    }),
    resetTotp: route({ method: 'POST', path: '/api/v1/users/:id/totp/reset' }),
  },
  assignments: {
    revoke: route({ method: 'POST', path: '/api/v1/assignments/:id/revoke' }),
    end: route({
      method: 'POST',
      path: '/api/v1/assignments/:id/end',
      response: AssignmentEndSchema,
    }),
  },
  devices: {
    list: route({ method: 'GET', path: '/api/v1/devices', response: DeviceListSchema }),
    revoke: route({ method: 'POST', path: '/api/v1/devices/:id/revoke' }),
  },
  me: {
    renameDevice: route({
      method: 'PATCH',
      path: '/api/v1/me/device',
      body: DeviceNameInputSchema,
      response: DeviceNameSchema,
    }),
    setLanguage: route({
      method: 'PATCH',
      path: '/api/v1/me/language',
      body: LanguageChoiceSchema,
      response: LanguageChoiceSchema,
    }),
    changePassword: route({
      method: 'POST',
      path: '/api/v1/me/password',
      body: PasswordChangeSchema,
    }),
    totpStatus: route({ method: 'GET', path: '/api/v1/me/totp', response: TotpStatusSchema }),
    startTotp: route({ method: 'POST', path: '/api/v1/me/totp', response: TotpEnrolmentSchema }),
    confirmTotp: route({
      method: 'POST',
      path: '/api/v1/me/totp/confirm',
      body: TotpConfirmSchema,
      response: RecoveryCodesSchema,
    }),
    disableTotp: route({
      method: 'POST',
      path: '/api/v1/me/totp/disable',
      body: PasswordConfirmSchema,
    }),
  },
} satisfies Record<string, Record<string, ApiRouteSpec>>;

export type ApiRoutes = typeof apiRoutes;

/** One string per parameter of a path: '/a/:id/b/:key' → [string, string]. */
type ParamArgs<P extends string> = P extends `${string}:${string}/${infer Rest}`
  ? [string, ...ParamArgs<Rest>]
  : P extends `${string}:${string}`
    ? [string]
    : [];

type BodyArgs<R> = R extends { body: infer B extends TSchema } ? [body: Static<B>] : [];
// A query whose fields are all optional may be left out.
type QueryArgs<R> = R extends { query: infer Q extends TSchema }
  ? object extends Static<Q>
    ? [query?: Static<Q>]
    : [query: Static<Q>]
  : [];

/** A route's arguments in order: its path parameters, then its body, then its query. */
export type RouteArgs<R extends ApiRouteSpec> = [
  ...ParamArgs<R['path']>,
  ...BodyArgs<R>,
  ...QueryArgs<R>,
];

/** What a route answers: its schema's static type, a Blob for a file, nothing for 204. */
export type RouteResponse<R extends ApiRouteSpec> = R extends { file: true }
  ? Blob
  : R extends { response: infer S extends TSchema }
    ? Static<S>
    : void;
