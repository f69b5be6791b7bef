// The admin API for sessions and groups (devices get both by pull).
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, Uuid } from '../protocol/common.ts';
import { GroupSchema, SessionSchema, SessionStatusSchema } from '../protocol/entities.ts';

export const SessionInputSchema = Type.Object(
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
export type SessionInput = Static<typeof SessionInputSchema>;

const OccurrenceSchema = Type.Object({ scheduledStart: IsoDateTime, scheduledEnd: IsoDateTime });

/** A recurring series: one session per occurrence, the device having computed the times. */
export const SessionSeriesInputSchema = Type.Composite(
  [
    Type.Omit(SessionInputSchema, ['scheduledStart', 'scheduledEnd']),
    Type.Object({ occurrences: Type.Array(OccurrenceSchema, { minItems: 1, maxItems: 104 }) }),
  ],
  { additionalProperties: false },
);

export const SessionListQuerySchema = Type.Object({
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
});

export const SessionListSchema = Type.Object({ items: Type.Array(SessionSchema) });

export const GroupInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    parentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const GroupListSchema = Type.Object({ items: Type.Array(GroupSchema) });

/** A change to a session: only the fields given change. */
export const SessionPatchSchema = Type.Partial(SessionInputSchema);
