// POST /api/v1/sync/push: a batch of changes from one device, one result per change.
import { Type, type Static } from '@sinclair/typebox';
import { INT32_MAX, Nullable, Text, Uuid } from './common.ts';

export const MAX_PUSH_BATCH = 1000;

// Items are validated one by one on the server so that one malformed change is rejected alone.
export const PushRequestSchema = Type.Object({
  protocolVersion: Type.Integer({ minimum: 1 }),
  changes: Type.Array(Type.Unknown(), { maxItems: MAX_PUSH_BATCH }),
  pendingCount: Type.Optional(
    Type.Integer({ minimum: 0, maximum: INT32_MAX, description: 'what the device still holds' }),
  ),
  appVersion: Type.Optional(Text({ maxLength: 40 })),
});
export type PushRequest = Static<typeof PushRequestSchema>;

const AcceptedFields = {
  version: Type.Optional(Type.Integer()),
  conflictId: Type.Optional(Uuid),
  graceAccepted: Type.Optional(
    Type.Boolean({ description: 'recorded by a temporary usher before expiry' }),
  ),
};

export const FirstResultSchema = Type.Object({
  status: Type.Union([Type.Literal('applied'), Type.Literal('merged'), Type.Literal('conflict')]),
  ...AcceptedFields,
});

export const ChangeResultSchema = Type.Object({
  index: Type.Integer({ description: 'position of the change in the pushed batch' }),
  changeId: Nullable(Type.String()),
  status: Type.Union([
    Type.Literal('applied'),
    Type.Literal('duplicate'),
    Type.Literal('merged'),
    Type.Literal('conflict'),
    Type.Literal('rejected'),
  ]),
  ...AcceptedFields,
  original: Type.Optional(FirstResultSchema),
  reason: Type.Optional(Type.String({ description: 'why a change was rejected, for a person' })),
  code: Type.Optional(Type.String({ description: 'machine code of a rejection' })),
});
export type ChangeResult = Static<typeof ChangeResultSchema>;

export const PushResponseSchema = Type.Object({
  protocolVersion: Type.Integer(),
  historyId: Uuid,
  serverTime: Type.String(),
  results: Type.Array(ChangeResultSchema),
  ownWrites: Type.Optional(
    Type.Object(
      { from: Type.String(), to: Type.String() },
      {
        description:
          'pull cursors just before and just after the rows this push wrote, given only when the device holds those rows as the server does once it settles the results (every change applied, no conflict, no departure): a device whose cursor is `from` may take `to` instead of pulling its own writes back',
      },
    ),
  ),
});
export type PushResponse = Static<typeof PushResponseSchema>;
