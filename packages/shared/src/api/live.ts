// The admin API for a session's live view (also the payload of its event stream).
import { Type } from '@sinclair/typebox';
import { Nullable } from '../protocol/common.ts';

export const LiveSnapshotSchema = Type.Object({
  session: Type.Object({
    id: Type.String(),
    name: Type.String(),
    status: Type.String(),
    location: Nullable(Type.String()),
    scheduledStart: Type.String(),
  }),
  headcount: Type.Integer({ description: 'everyone who arrived (present or late)' }),
  stillIn: Type.Integer({ description: 'arrived and not checked out' }),
  left: Type.Integer({ description: 'arrived, then checked out' }),
  expected: Type.Integer(),
  byState: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      color: Type.String(),
      count: Type.Integer(),
    }),
  ),
  perMinute: Type.Array(Type.Object({ minute: Type.String(), count: Type.Integer() })),
  latest: Type.Array(
    Type.Object({
      participantId: Type.String(),
      name: Type.String(),
      state: Nullable(Type.String()),
      method: Type.String(),
      recordedAt: Type.String(),
      leftAt: Nullable(Type.String()),
      userName: Nullable(Type.String()),
      deviceName: Nullable(Type.String()),
      hasConflict: Type.Boolean(),
    }),
  ),
  devices: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      userName: Type.String(),
      records: Type.Integer(),
      pendingCount: Nullable(Type.Integer()),
      lastSyncAt: Nullable(Type.String()),
    }),
  ),
  generatedAt: Type.String(),
});
