// The admin API for sync history: every push a device made, its rejected changes, re-applying one.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from '../protocol/common.ts';

export const PushHistorySchema = Type.Object({
  id: Type.String(),
  deviceId: Type.String(),
  deviceName: Nullable(Type.String()),
  userId: Type.String(),
  userName: Nullable(Type.String()),
  received: Type.Integer(),
  applied: Type.Integer(),
  duplicate: Type.Integer(),
  merged: Type.Integer(),
  conflict: Type.Integer(),
  rejected: Type.Integer(),
  status: Type.String(),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
  startedAt: Type.String(),
  appVersion: Nullable(Type.String()),
});
export type PushHistory = Static<typeof PushHistorySchema>;

export const PushHistoryPageSchema = Type.Object({
  items: Type.Array(PushHistorySchema),
  total: Type.Integer(),
});

export const SyncRejectionSchema = Type.Object({
  id: Type.String(),
  changeIndex: Type.Integer(),
  changeId: Nullable(Type.String()),
  code: Type.String(),
  reason: Type.String(),
  payload: Type.Unknown(),
  reappliedAt: Nullable(Type.String()),
});
export type SyncRejection = Static<typeof SyncRejectionSchema>;

export const PushDetailSchema = Type.Intersect([
  PushHistorySchema,
  Type.Object({ rejections: Type.Array(SyncRejectionSchema) }),
]);

export const ReapplyResultSchema = Type.Object({
  status: Type.String(),
  changeId: Nullable(Type.String()),
  historyId: Type.String(),
});

export const SyncHistoryQuerySchema = Type.Object({
  deviceId: Type.Optional(Uuid),
  userId: Type.Optional(Uuid),
  status: Type.Optional(
    Type.Union([Type.Literal('success'), Type.Literal('partial'), Type.Literal('failed')]),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

/**
 * Why the server refuses a pushed change, as a code the device words in its own language (the
 * rejection's `reason` is the server's English, kept for codes a device does not know yet).
 */
export const REJECTION_CODES = [
  'invalid_change',
  'forbidden',
  'assignment_missing',
  'assignment_revoked',
  'assignment_expired',
  'grace_period_over',
  'unknown_session',
  'session_canceled',
  'past_retention',
  'unknown_participant',
  'unknown_state',
  'not_checked_in',
  'participant_exists',
  'external_key_taken',
  'change_id_reused',
  'device_seq_reused',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
