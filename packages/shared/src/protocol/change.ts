// One entry of a device's change log, exactly as the device stores it in its outbox and pushes it.
import { Type, type Static } from '@sinclair/typebox';
import { CHANGE_KINDS, PERSONAL_CODE_PATTERN } from '../domain.ts';
import { INT32_MAX, IsoDateTime, Nullable, Text, Uuid } from './common.ts';
import { MethodSchema } from './entities.ts';

export const HLC_PATTERN = '^[0-9]{15}-[0-9]{5}-[A-Za-z0-9_-]{1,64}$';

export const NewParticipantSchema = Type.Object({
  firstName: Text({ minLength: 1, maxLength: 100 }),
  lastName: Text({ minLength: 0, maxLength: 100 }),
  preferredName: Type.Optional(Nullable(Text({ maxLength: 100 }))),
  personalCode: Type.Optional(Type.String({ pattern: PERSONAL_CODE_PATTERN })),
  externalKey: Type.Optional(Nullable(Text({ maxLength: 40 }))),
  guardianName: Type.Optional(Nullable(Text({ maxLength: 200 }))),
  guardianPhone: Type.Optional(Nullable(Text({ maxLength: 40 }))),
  groupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
});
export type NewParticipant = Static<typeof NewParticipantSchema>;

export const ChangeSchema = Type.Object(
  {
    changeId: Uuid,
    deviceSeq: Type.Integer({
      minimum: 1,
      maximum: INT32_MAX,
      description: 'names one change of this device: never reused (the device counts up)',
    }),
    kind: Type.Union(CHANGE_KINDS.map((k) => Type.Literal(k))),
    sessionId: Type.Optional(Uuid),
    participantId: Uuid,
    state: Type.Optional(Text({ minLength: 1, maxLength: 40 })),
    method: Type.Optional(MethodSchema),
    recordedAt: IsoDateTime,
    hlc: Type.String({ pattern: HLC_PATTERN }),
    baseVersion: Type.Integer({ minimum: 0, maximum: INT32_MAX }),
    participant: Type.Optional(NewParticipantSchema),
  },
  { additionalProperties: false },
);
export type Change = Static<typeof ChangeSchema>;

const lower = (id: string) => id.toLowerCase();

/** Ids compare as strings everywhere (indexes, IndexedDB keys), so a change carries one spelling:
 * lower case. Without this an upper-case copy of a change is a new change and a new participant. */
export function normalizeChange(c: Change): Change {
  return {
    ...c,
    changeId: lower(c.changeId),
    participantId: lower(c.participantId),
    ...(c.sessionId !== undefined ? { sessionId: lower(c.sessionId) } : {}),
    ...(c.participant?.groupIds
      ? { participant: { ...c.participant, groupIds: c.participant.groupIds.map(lower) } }
      : {}),
  };
}

/** One text per change whatever the field order or id case: what "the same change" means. */
export function canonicalChange(c: Change): string {
  return JSON.stringify(sortKeys(normalizeChange(c)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
