import {
  Nullable,
  PERSONAL_CODE_PATTERN,
  SessionStatusSchema,
  IsoDateTime,
  RoleSchema,
  Uuid,
} from '@rollcall/shared';
import { Type, type Static } from '@sinclair/typebox';

export const ParticipantInput = Type.Object(
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
export type ParticipantInput = Static<typeof ParticipantInput>;

export const SessionInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    location: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    scheduledStart: IsoDateTime,
    scheduledEnd: IsoDateTime,
    status: Type.Optional(SessionStatusSchema),
    lateAfterMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1440 }))),
    groupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type SessionInput = Static<typeof SessionInput>;

export const GroupInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    parentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const UserInput = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 200 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
    password: Type.String({ minLength: 8, maxLength: 200 }),
    assignment: Type.Optional(
      Type.Object({ expiresAt: IsoDateTime, location: Type.Optional(Nullable(Type.String())) }),
    ),
  },
  { additionalProperties: false },
);
export type UserInput = Static<typeof UserInput>;

export const IdParams = Type.Object({ id: Uuid });
