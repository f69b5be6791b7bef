// The admin API for excuses: submitted for a participant and a session, approved or rejected.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from '../protocol/common.ts';

export const ExcuseSchema = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  sessionName: Type.String(),
  sessionStart: Type.String(),
  participantId: Type.String(),
  participantName: Type.String(),
  reason: Type.String(),
  attachmentName: Nullable(Type.String()),
  status: Type.String(),
  submittedAt: Type.String(),
  submittedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});
export type Excuse = Static<typeof ExcuseSchema>;

export const ExcuseListSchema = Type.Object({ items: Type.Array(ExcuseSchema) });

export const ExcuseInputSchema = Type.Object({
  sessionId: Uuid,
  participantId: Uuid,
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  attachment: Type.Optional(
    Type.Object({
      name: Type.String({ minLength: 1, maxLength: 200 }),
      type: Type.String({ maxLength: 100 }),
      base64: Type.String({ maxLength: 2_900_000, pattern: '^[A-Za-z0-9+/=]*$' }),
    }),
  ),
});

export const ExcuseDecisionSchema = Type.Object({
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const ExcuseDecisionResultSchema = Type.Object({
  status: Type.String(),
  recordVersion: Nullable(Type.Integer()),
});

export const ExcuseStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

export const ExcuseListQuerySchema = Type.Object({
  status: Type.Optional(ExcuseStatusSchema),
  sessionId: Type.Optional(Uuid),
  participantId: Type.Optional(Uuid),
});
