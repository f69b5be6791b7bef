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

/**
 * What an import sends: rows keyed by the field names of its CSV template. The server's route
 * checks the field names too (it owns the lists); this is the shape the web's client types.
 */
export const ImportRequestSchema = Type.Object({
  rows: Type.Array(Type.Record(Type.String(), Type.String())),
  dryRun: Type.Boolean(),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
