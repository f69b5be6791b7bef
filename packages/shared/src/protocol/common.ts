import { Type, type StringOptions, type TSchema } from '@sinclair/typebox';
import { UUID_PATTERN } from '../ids.ts';

export const Uuid = Type.String({
  pattern: UUID_PATTERN,
  description: 'UUID (v7 for ids made on devices)',
});
/** Free text a database can store: PostgreSQL's text type cannot hold U+0000, SQLite's can. */
export const TEXT_PATTERN = '^[^\\u0000]*$';
export const Text = (options: StringOptions = {}) =>
  Type.String({ pattern: TEXT_PATTERN, ...options });
/** The largest value of a 32-bit integer column (PostgreSQL `integer`); wire integers stay below. */
export const INT32_MAX = 2_147_483_647;
export const IsoDateTime = Type.String({
  format: 'date-time',
  description: 'ISO 8601 date-time with a zone, e.g. 2026-11-23T09:02:00.000Z',
});
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Every 4xx/5xx body: a code a program can switch on and a message a person can read. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String(),
    error: Type.String(),
    message: Type.String(),
    details: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'ErrorBody' },
);
