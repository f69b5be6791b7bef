// The admin API for conflicts around the protocol's ConflictSchema: lists, details and resolutions.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from '../protocol/common.ts';
import { ConflictSchema } from '../protocol/conflicts.ts';
import { PresenceRecordSchema } from '../protocol/entities.ts';

export const ConflictPageSchema = Type.Object({
  items: Type.Array(ConflictSchema),
  total: Type.Integer(),
});

/** An earlier resolution for the same participant, shown beside a conflict. */
export const EarlierResolutionSchema = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  status: Type.String(),
  choice: Nullable(Type.String()),
  state: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  rule: Nullable(Type.String()),
});
export type EarlierResolution = Static<typeof EarlierResolutionSchema>;

export const ConflictDetailSchema = Type.Intersect([
  ConflictSchema,
  Type.Object({ earlierResolutions: Type.Array(EarlierResolutionSchema) }),
]);

/** One conflict a resolution settled (or, in a preview, would settle). */
export const ResolvedConflictSchema = Type.Object({
  id: Uuid,
  sessionId: Uuid,
  participantId: Uuid,
  participantName: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  record: Type.Optional(PresenceRecordSchema),
});
export type ResolvedConflict = Static<typeof ResolvedConflictSchema>;

export const BulkResolveResultSchema = Type.Object({
  preview: Type.Boolean(),
  count: Type.Integer(),
  items: Type.Array(ResolvedConflictSchema),
});
