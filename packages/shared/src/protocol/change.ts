// One entry of a device's change log, exactly as the device stores it in its outbox and pushes it.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PERSONAL_CODE_PATTERN, type ChangeKind } from '../domain.ts';
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

// The fields every change carries, whatever its kind.
const common = {
  changeId: Uuid,
  deviceSeq: Type.Integer({
    minimum: 1,
    maximum: INT32_MAX,
    description: 'names one change of this device: never reused (the device counts up)',
  }),
  participantId: Uuid,
  recordedAt: IsoDateTime,
  hlc: Type.String({ pattern: HLC_PATTERN }),
  baseVersion: Type.Integer({ minimum: 0, maximum: INT32_MAX }),
};
const sessionId = Uuid;
const state = Text({ minLength: 1, maxLength: 40 });

/**
 * One schema per kind, each requiring what its kind needs. The fields a kind does not use stay
 * accepted where protocol versions 1–3 accepted them (the server ignores them), so no change a
 * device in the field may hold is refused now that was stored before; only a check-out's state
 * was always refused.
 */
export const CHANGE_SCHEMAS = {
  'presence.set': Type.Object(
    {
      ...common,
      kind: Type.Literal('presence.set'),
      sessionId,
      state,
      method: MethodSchema,
      participant: Type.Optional(NewParticipantSchema),
    },
    { additionalProperties: false },
  ),
  'presence.clear': Type.Object(
    {
      ...common,
      kind: Type.Literal('presence.clear'),
      sessionId,
      state: Type.Optional(state),
      method: Type.Optional(MethodSchema),
      participant: Type.Optional(NewParticipantSchema),
    },
    { additionalProperties: false },
  ),
  'presence.checkout': Type.Object(
    {
      ...common,
      kind: Type.Literal('presence.checkout'),
      sessionId,
      // Never accepted: the change says when the person left, not how they are marked.
      state: Type.Optional(Type.Never()),
      method: Type.Optional(MethodSchema),
      participant: Type.Optional(NewParticipantSchema),
    },
    { additionalProperties: false },
  ),
  'participant.create': Type.Object(
    {
      ...common,
      kind: Type.Literal('participant.create'),
      sessionId: Type.Optional(sessionId),
      state: Type.Optional(state),
      method: Type.Optional(MethodSchema),
      participant: NewParticipantSchema,
    },
    { additionalProperties: false },
  ),
} as const satisfies Record<ChangeKind, TSchema>;

/** A change of any kind, told apart by `kind`. */
export const ChangeSchema = Type.Union([
  CHANGE_SCHEMAS['presence.set'],
  CHANGE_SCHEMAS['presence.clear'],
  CHANGE_SCHEMAS['presence.checkout'],
  CHANGE_SCHEMAS['participant.create'],
]);
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
