import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { csvLine } from '../../lib/csv.ts';
import { requireRole, who } from '../../plugins/auth.ts';
import { importParticipants } from './imports.service.ts';
import { IMPORT_FIELDS } from './participant-rows.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody };
const Row = Type.Partial(Type.Object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, Type.String({ maxLength: 2000 })]))), { additionalProperties: false });
const Outcome = Type.Object({
  dryRun: Type.Boolean(), total: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(),
  problems: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
});

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/imports/participants/template.csv', {
    preHandler: requireRole('admin'),
    schema: { tags: ['imports'], response: { 200: Type.String({ description: 'text/csv' }), ...errors } },
  }, async (_req, reply) => reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="participants-template.csv"')
    .send(csvLine([...IMPORT_FIELDS]) + csvLine(['Ama', 'Mensah', '', '', '24-001', 'Kofi Mensah', '+233 20 000 0000', 'Choir; Young Adults'])));

  // dryRun: true checks every row and reports what would happen; false writes all rows or none.
  app.post('/imports/participants', {
    preHandler: requireRole('admin'),
    bodyLimit: 16 * 1024 * 1024,
    schema: {
      tags: ['imports'],
      body: Type.Object({ rows: Type.Array(Row, { minItems: 1, maxItems: 20_000 }), dryRun: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: Outcome, ...errors },
    },
  }, async (req) => importParticipants(app.ctx, who(req), req.body.rows, req.body.dryRun));
};
