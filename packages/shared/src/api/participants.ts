// The admin API for participants (not the device protocol: devices get participants by pull).
import { Type, type Static } from '@sinclair/typebox';
import { PERSONAL_CODE_PATTERN } from '../domain.ts';
import { Nullable, Uuid } from '../protocol/common.ts';
import { ParticipantSchema } from '../protocol/entities.ts';

export const ParticipantInputSchema = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ maxLength: 100 }),
    preferredName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    personalCode: Type.Optional(Type.String({ pattern: PERSONAL_CODE_PATTERN })),
    externalKey: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    guardianName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    guardianPhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    active: Type.Optional(Type.Boolean()),
    groupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type ParticipantInput = Static<typeof ParticipantInputSchema>;

export const ParticipantListQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const ParticipantPageSchema = Type.Object({
  items: Type.Array(ParticipantSchema),
  total: Type.Integer(),
});

export const QrTokenSchema = Type.Object({ qrToken: Type.String() });

/** One session in a participant's attendance history. */
export const AttendanceItemSchema = Type.Object({
  sessionId: Type.String(),
  sessionName: Type.String(),
  scheduledStart: Type.String(),
  state: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
  recordedAt: Type.String(),
  recordedBy: Type.Union([Type.String(), Type.Null()]),
  hasConflict: Type.Boolean(),
});
export type AttendanceItem = Static<typeof AttendanceItemSchema>;

export const AttendanceHistorySchema = Type.Object({ items: Type.Array(AttendanceItemSchema) });

export const AttendanceHistoryQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

/** A change to a participant: only the fields given change. */
export const ParticipantPatchSchema = Type.Partial(ParticipantInputSchema);
