import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttendanceImportOutcomeSchema, ErrorBody, ImportOutcomeSchema } from '@rollcall/shared';
import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { csvLine } from '../../lib/csv.ts';
import { requireRole, who } from '../../plugins/auth.ts';
import { isTimeZone } from '../../lib/local-time.ts';
import { HttpError } from '../../lib/errors.ts';
import { organizationZone } from '../organizations/organizations.service.ts';
import { importAttendance } from './attendance-import.service.ts';
import { ATTENDANCE_FIELDS } from './attendance-rows.ts';
import { importParticipants } from './imports.service.ts';
import { IMPORT_FIELDS } from './participant-rows.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody };
const rowOf = (fields: readonly string[]) =>
  Type.Partial(
    Type.Object(Object.fromEntries(fields.map((f) => [f, Type.String({ maxLength: 2000 })]))),
    { additionalProperties: false },
  );
const Row = rowOf(IMPORT_FIELDS);
const template = (
  reply: FastifyReply,
  name: string,
  header: readonly string[],
  ...examples: string[][]
) => {
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`);
  return [header, ...examples].map((r) => csvLine([...r])).join('');
};

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/imports/participants/template.csv',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['imports'],
        response: { 200: Type.String({ description: 'text/csv' }), ...errors },
      },
    },
    async (_req, reply) =>
      template(reply, 'participants-template.csv', IMPORT_FIELDS, [
        'Ama',
        'Mensah',
        '',
        '',
        '24-001',
        'Kofi Mensah',
        '+233 20 000 0000',
        'Choir; Young Adults',
      ]),
  );

  app.get(
    '/imports/attendance/template.csv',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['imports'],
        response: { 200: Type.String({ description: 'text/csv' }), ...errors },
      },
    },
    async (_req, reply) =>
      template(
        reply,
        'attendance-template.csv',
        ATTENDANCE_FIELDS,
        ['', 'Sunday Service', '2025-03-02', '09:30', 'Choir', '24-001', '', 'present', '09:24'],
        ['', 'Sunday Service', '2025-03-02', '09:30', 'Choir', '', '12345', 'late', '09:51'],
      ),
  );

  // Past attendance: the file's dates and times are read in the organization's zone, or in timeZone
  // when given (a file exported at another site).
  // Each request is all or nothing; a large file is sent in parts and can be sent again if it stops.
  // The check (dryRun) takes the whole file at once, so duplicates across parts are found: a year
  // of weekly sessions for 1,500 people is 78,000 rows.
  app.post(
    '/imports/attendance',
    {
      onRequest: requireRole('admin'),
      bodyLimit: 48 * 1024 * 1024,
      schema: {
        tags: ['imports'],
        body: Type.Object(
          {
            rows: Type.Array(rowOf(ATTENDANCE_FIELDS), { minItems: 1, maxItems: 200_000 }),
            dryRun: Type.Boolean(),
            timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AttendanceImportOutcomeSchema, ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      const zone =
        req.body.timeZone ?? (await organizationZone(app.ctx.db.kysely, auth.organizationId));
      if (!isTimeZone(zone))
        throw new HttpError(
          400,
          'bad_time_zone',
          `"${zone}" is not a time zone (for example Europe/Berlin)`,
        );
      return importAttendance(app.ctx, auth, req.body.rows, zone, req.body.dryRun);
    },
  );

  // dryRun: true checks every row and reports what would happen; false writes all rows or none.
  app.post(
    '/imports/participants',
    {
      onRequest: requireRole('admin'),
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['imports'],
        body: Type.Object(
          { rows: Type.Array(Row, { minItems: 1, maxItems: 20_000 }), dryRun: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: ImportOutcomeSchema, ...errors },
      },
    },
    async (req) => importParticipants(app.ctx, who(req), req.body.rows, req.body.dryRun),
  );
};
