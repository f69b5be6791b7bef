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

/** The server-sent events on GET /api/v1/sync/stream. */
export type StreamEvent =
  | { type: 'hello'; cursor: string }
  | { type: 'changed'; cursor: string; sessionIds: string[] }
  | { type: 'heartbeat'; at: string };
