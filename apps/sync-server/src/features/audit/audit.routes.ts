// The audit log: read and export only. No route updates or deletes it, and the database refuses
// to (migration 0002-audit-guard); only the retention command may delete old entries (0004).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AuditFiltersSchema,
  AuditListQuerySchema,
  AuditPageSchema,
  ErrorBody,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { parseJson } from '../../lib/json.ts';
import { requireRole, who } from '../../plugins/auth.ts';
import { auditPages, listAudit, type AuditFilters } from './audit.repository.ts';
import { iso } from '../../lib/clock.ts';
import { sendCsv } from '../../lib/csv.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const filtersOf = ({
  table,
  recordId,
  ...f
}: AuditFilters & { table?: string; recordId?: string }): AuditFilters => ({
  ...f,
  entity: f.entity ?? table,
  entityId: f.entityId ?? recordId,
});
const HEADER = [
  'at',
  'user',
  'device',
  'source',
  'action',
  'entity',
  'entity_id',
  'old_values',
  'new_values',
];

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.ctx.db.kysely;
  app.get(
    '/audit',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['audit'],
        querystring: AuditListQuerySchema,
        response: {
          200: AuditPageSchema,
          ...errors,
        },
      },
    },
    async (req) => {
      const { limit = 100, offset = 0, ...f } = req.query;
      const { rows, total } = await listAudit(
        db,
        who(req).organizationId,
        filtersOf(f),
        limit,
        offset,
      );
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          userId: r.user_id,
          userName: r.user_name,
          deviceId: r.device_id,
          deviceName: r.device_name,
          source: r.source,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          oldValues: parseJson(r.old_values, null),
          newValues: parseJson(r.new_values, null),
        })),
      };
    },
  );

  // Streamed: rows leave as they are read, one keyset page at a time.
  app.get(
    '/audit/export.csv',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['audit'],
        querystring: AuditFiltersSchema,
        response: { 200: Type.Unknown({ description: 'text/csv, streamed' }), ...errors },
      },
    },
    async (req, reply) => {
      const org = who(req).organizationId;
      const f = filtersOf(req.query);
      const day = iso(app.ctx.clock.now()).slice(0, 10);
      return sendCsv(reply, `audit-${day}.csv`, HEADER, auditPages(db, org, f), (r) => [
        r.at,
        r.user_name ?? r.user_id,
        r.device_name ?? r.device_id,
        r.source,
        r.action,
        r.entity,
        r.entity_id,
        r.old_values,
        r.new_values,
      ]);
    },
  );
};
