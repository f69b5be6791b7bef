// The admin API for the audit log (read and export only).
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, Uuid } from '../protocol/common.ts';

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  userId: Nullable(Type.String()),
  userName: Nullable(Type.String()),
  deviceId: Nullable(Type.String()),
  deviceName: Nullable(Type.String()),
  source: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  oldValues: Type.Unknown(),
  newValues: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditPageSchema = Type.Object({
  items: Type.Array(AuditEntrySchema),
  total: Type.Integer(),
});

export const AuditFiltersSchema = Type.Object({
  entity: Type.Optional(
    Type.String({
      maxLength: 60,
      description: 'the table or kind of record, e.g. sync_conflict, participant',
    }),
  ),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  table: Type.Optional(Type.String({ maxLength: 60, description: 'the same as entity' })),
  recordId: Type.Optional(Type.String({ maxLength: 100, description: 'the same as entityId' })),
  userId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
});

export const AuditListQuerySchema = Type.Intersect([
  AuditFiltersSchema,
  Type.Object({
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
]);
export type AuditFilters = Static<typeof AuditFiltersSchema>;
