// The admin API's answers to CSV imports (the rows sent are built from the server's field lists).
import { Type, type Static } from '@sinclair/typebox';

const ProblemsSchema = Type.Array(
  Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() }),
);

export const ImportOutcomeSchema = Type.Object({
  dryRun: Type.Boolean(),
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  problems: ProblemsSchema,
});
export type ImportOutcome = Static<typeof ImportOutcomeSchema>;

export const AttendanceImportOutcomeSchema = Type.Object({
  dryRun: Type.Boolean(),
  total: Type.Integer(),
  sessionsCreated: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  kept: Type.Array(Type.Object({ row: Type.Integer(), message: Type.String() })),
  problems: ProblemsSchema,
});
export type AttendanceImportOutcome = Static<typeof AttendanceImportOutcomeSchema>;
