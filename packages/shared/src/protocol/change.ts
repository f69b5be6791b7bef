// One entry of a device's change log, exactly as the device stores it in its outbox and pushes it.
import { Type, type Static } from '@sinclair/typebox';
import { CHANGE_KINDS, PERSONAL_CODE_PATTERN } from '../domain.ts';
import { IsoDateTime, Nullable, Uuid } from './common.ts';
import { MethodSchema } from './entities.ts';

export const HLC_PATTERN = '^[0-9]{15}-[0-9]{5}-[A-Za-z0-9_-]{1,64}$';

export const NewParticipantSchema = Type.Object({
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.String({ minLength: 0, maxLength: 100 }),
  preferredName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  personalCode: Type.Optional(Type.String({ pattern: PERSONAL_CODE_PATTERN })),
  externalKey: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  guardianName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  guardianPhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  groupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
});
export type NewParticipant = Static<typeof NewParticipantSchema>;

export const ChangeSchema = Type.Object(
  {
    changeId: Uuid,
    deviceSeq: Type.Integer({ minimum: 1, description: 'strictly increasing per device' }),
    kind: Type.Union(CHANGE_KINDS.map((k) => Type.Literal(k))),
    sessionId: Type.Optional(Uuid),
    participantId: Uuid,
    state: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    method: Type.Optional(MethodSchema),
    recordedAt: IsoDateTime,
    hlc: Type.String({ pattern: HLC_PATTERN }),
    baseVersion: Type.Integer({ minimum: 0 }),
    participant: Type.Optional(NewParticipantSchema),
  },
  { additionalProperties: false },
);
export type Change = Static<typeof ChangeSchema>;
