// The admin API for an organization's retention limits and what the retention command would remove.
import { Type, type Static } from '@sinclair/typebox';

// At least a month (limits are applied in whole months), at most fifty years.
const Years = Type.Number({ minimum: 1 / 12, maximum: 50 });

export const RetentionPolicySchema = Type.Object(
  { presenceYears: Years, auditYears: Years },
  { additionalProperties: false },
);

export const RetentionSchema = Type.Object({
  policy: Type.Object({ presenceYears: Type.Number(), auditYears: Type.Number() }),
  defaults: Type.Object({ presenceYears: Type.Number(), auditYears: Type.Number() }),
  problems: Type.Array(Type.String()),
  preview: Type.Object({
    presenceBefore: Type.String(),
    auditBefore: Type.String(),
    removed: Type.Object({
      presenceRecords: Type.Integer(),
      changes: Type.Integer(),
      conflicts: Type.Integer(),
      excuses: Type.Integer(),
      auditEntries: Type.Integer(),
      notifications: Type.Integer(),
    }),
  }),
});
export type Retention = Static<typeof RetentionSchema>;
