// The admin's resolution queue.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, Uuid } from './common.ts';
import { ConflictStatusSchema } from './entities.ts';

export const ConflictVersionSchema = Type.Object({
  changeId: Type.String(),
  deviceId: Type.String(),
  deviceName: Nullable(Type.String()),
  userId: Type.String(),
  userName: Nullable(Type.String()),
  state: Nullable(Type.String()),
  method: Type.String(),
  recordedAt: Type.String(),
  hlc: Type.String(),
  baseVersion: Type.Integer(),
  receivedAt: Nullable(Type.String()),
});
export type ConflictVersion = Static<typeof ConflictVersionSchema>;

export const ConflictSchema = Type.Object({
  id: Uuid,
  sessionId: Uuid,
  sessionName: Type.String(),
  participantId: Uuid,
  participantName: Type.String(),
  status: ConflictStatusSchema,
  baseVersion: Type.Integer(),
  versionA: ConflictVersionSchema,
  versionB: ConflictVersionSchema,
  otherVersions: Type.Array(ConflictVersionSchema),
  resolution: Nullable(
    Type.Object({
      choice: Type.String(),
      state: Nullable(Type.String()),
      note: Nullable(Type.String()),
      resolvedBy: Nullable(Type.String()),
      resolvedAt: IsoDateTime,
      rule: Nullable(Type.String()),
    }),
  ),
  explanation: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Conflict = Static<typeof ConflictSchema>;

export const ConflictListQuerySchema = Type.Object({
  sessionId: Type.Optional(Uuid),
  status: Type.Optional(ConflictStatusSchema),
  participantId: Type.Optional(Uuid),
  deviceId: Type.Optional(Uuid),
  userId: Type.Optional(Uuid),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ConflictListQuery = Static<typeof ConflictListQuerySchema>;

export const ResolutionSchema = Type.Object({
  choice: Type.Union([Type.Literal('keep_a'), Type.Literal('keep_b'), Type.Literal('state')]),
  state: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type Resolution = Static<typeof ResolutionSchema>;

export const BulkResolveSchema = Type.Object({
  ids: Type.Array(Uuid, { minItems: 1, maxItems: 1000 }),
  resolution: ResolutionSchema,
  preview: Type.Optional(
    Type.Boolean({ description: 'true: report what would change, write nothing' }),
  ),
});
