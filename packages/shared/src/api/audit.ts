// The admin API for the audit log (read and export only).
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../protocol/common.ts';

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
