// GET /api/v1/sync/pull: every row the device's organization may see, in server commit order.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './common.ts';
import {
  GroupSchema,
  OrganizationSchema,
  ParticipantSchema,
  PresenceRecordSchema,
  PresenceStateSchema,
  SessionSchema,
  TombstoneSchema,
  UserSummarySchema,
} from './entities.ts';

export const PULL_DEFAULT_LIMIT = 2000;
export const PULL_MAX_LIMIT = 10000;

export const PullQuerySchema = Type.Object({
  cursor: Type.Optional(
    Type.String({ maxLength: 100, description: 'opaque; omit for a full pull' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PULL_MAX_LIMIT })),
  protocolVersion: Type.Optional(
    Type.Integer({ minimum: 1, description: "the app's PROTOCOL_VERSION (absent: version 1)" }),
  ),
});
export type PullQuery = Static<typeof PullQuerySchema>;

export const PullResponseSchema = Type.Object({
  protocolVersion: Type.Integer(),
  reset: Type.Boolean({
    description:
      'true when the cursor belongs to another server epoch, or is ahead of this database (restored from a backup): drop pulled rows (never the outbox) and apply this page from scratch',
  }),
  cursor: Type.String(),
  hasMore: Type.Boolean(),
  organization: Nullable(OrganizationSchema),
  users: Type.Array(UserSummarySchema),
  presenceStates: Type.Array(PresenceStateSchema),
  groups: Type.Array(GroupSchema),
  participants: Type.Array(ParticipantSchema),
  sessions: Type.Array(SessionSchema),
  presenceRecords: Type.Array(PresenceRecordSchema),
  tombstones: Type.Array(TombstoneSchema),
});
export type PullResponse = Static<typeof PullResponseSchema>;

/** The server-sent events on GET /api/v1/sync/stream (`event:` is the type, `data:` the rest). */
export const StreamEventSchema = Type.Union([
  Type.Object({ type: Type.Literal('hello'), cursor: Type.String() }),
  Type.Object({
    type: Type.Literal('changed'),
    cursor: Type.String(),
    sessionIds: Type.Array(Type.String()),
  }),
  Type.Object({ type: Type.Literal('heartbeat'), at: Type.String() }),
]);
export type StreamEvent = Static<typeof StreamEventSchema>;
