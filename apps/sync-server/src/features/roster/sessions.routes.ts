import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  GroupSchema,
  IsoDateTime,
  PresenceStateSchema,
  SessionSchema,
  uuidv7,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireAuth, requireRole, who } from '../../plugins/auth.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { toGroup, toPresenceState, toSession } from '../sync/mappers.ts';
import { sessionGroupsOf } from '../sync/pull.repository.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { assertOwnGroups, rosterWrite, type WriteScope } from './roster.service.ts';
import { notifyDrifting } from '../notifications/notifications.producers.ts';
import { GroupInput, IdParams, SessionInput } from './roster.schemas.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const db = ctx.db.kysely;
  app.get(
    '/sessions',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['roster'],
        querystring: Type.Object({
          from: Type.Optional(Type.String()),
          to: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ items: Type.Array(SessionSchema) }), ...errors },
      },
    },
    async (req) => {
      let q = db
        .selectFrom('sessions')
        .selectAll()
        .where('organization_id', '=', who(req).organizationId);
      if (req.query.from) q = q.where('scheduled_start', '>=', req.query.from);
      if (req.query.to) q = q.where('scheduled_start', '<=', req.query.to);
      const rows = await q.orderBy('scheduled_start').limit(1000).execute();
      const groups = await sessionGroupsOf(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toSession(r, groups.get(r.id) ?? [])) };
    },
  );

  app.post(
    '/sessions',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['roster'], body: SessionInput, response: { 201: SessionSchema, ...errors } },
    },
    async (req, reply) => {
      const auth = who(req);
      const b = req.body;
      if (Date.parse(b.scheduledEnd) <= Date.parse(b.scheduledStart))
        throw badRequest('scheduledEnd must be after scheduledStart', [
          { path: 'body/scheduledEnd', message: 'must be after scheduledStart' },
        ]);
      const [session] = await createSessions(ctx, auth, b, [
        { scheduledStart: b.scheduledStart, scheduledEnd: b.scheduledEnd },
      ]);
      return reply.status(201).send(session!);
    },
  );

  // A recurring series (weekly in the app): one session per occurrence, in one transaction. The
  // device computes the occurrences in its own time zone, so 9:00 stays 9:00 across a DST change.
  app.post(
    '/sessions/series',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        body: Type.Composite(
          [
            Type.Omit(SessionInput, ['scheduledStart', 'scheduledEnd']),
            Type.Object({
              occurrences: Type.Array(
                Type.Object({ scheduledStart: IsoDateTime, scheduledEnd: IsoDateTime }),
                { minItems: 1, maxItems: 104 },
              ),
            }),
          ],
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ items: Type.Array(SessionSchema) }), ...errors },
      },
    },
    async (req, reply) => {
      const { occurrences, ...b } = req.body;
      occurrences.forEach((o, i) => {
        if (Date.parse(o.scheduledEnd) <= Date.parse(o.scheduledStart))
          throw badRequest(`Occurrence ${i + 1} ends before it starts`, [
            { path: `body/occurrences/${i}/scheduledEnd`, message: 'must be after scheduledStart' },
          ]);
      });
      return reply.status(201).send({ items: await createSessions(ctx, who(req), b, occurrences) });
    },
  );

  app.patch(
    '/sessions/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        body: Type.Partial(SessionInput),
        response: { 200: SessionSchema, ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      return rosterWrite(ctx, auth, async (s) => {
        const before = await s.trx
          .selectFrom('sessions')
          .selectAll()
          .where('id', '=', req.params.id)
          .where('organization_id', '=', auth.organizationId)
          .executeTakeFirst();
        if (!before) throw notFound(`Session ${req.params.id}`);
        const b = req.body;
        const start = b.scheduledStart ?? before.scheduled_start;
        const end = b.scheduledEnd ?? before.scheduled_end;
        if (Date.parse(end) <= Date.parse(start))
          throw badRequest('scheduledEnd must be after scheduledStart', [
            { path: 'body/scheduledEnd', message: `must be after ${start}` },
          ]);
        const status = b.status ?? before.status;
        const patch = {
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.location !== undefined ? { location: b.location } : {}),
          ...(b.scheduledStart ? { scheduled_start: b.scheduledStart } : {}),
          ...(b.scheduledEnd ? { scheduled_end: b.scheduledEnd } : {}),
          ...(b.lateAfterMinutes !== undefined ? { late_after_minutes: b.lateAfterMinutes } : {}),
          status,
          // Starting and ending stamp the actual times once.
          actual_start:
            status === 'active' && !before.actual_start ? s.nowIso : before.actual_start,
          actual_end: status === 'completed' && !before.actual_end ? s.nowIso : before.actual_end,
          updated_at: s.nowIso,
          seq: s.seq.next(),
        };
        await s.trx.updateTable('sessions').set(patch).where('id', '=', before.id).execute();
        if (b.groupIds) await setSessionGroups(s, auth.organizationId, before.id, b.groupIds);
        await s.audit('session', before.id, 'update', before, b);
        if (status === 'completed' && before.status !== 'completed') {
          await notifyDrifting(s.trx, {
            organizationId: auth.organizationId,
            sessionId: before.id,
            sessionName: patch.name ?? before.name,
            nowMs: ctx.clock.now(),
          });
        }
        const groups = await sessionGroupsOf(s.trx, [before.id]);
        return toSession({ ...before, ...patch }, groups.get(before.id) ?? []);
      });
    },
  );

  app.get(
    '/groups',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['roster'],
        response: { 200: Type.Object({ items: Type.Array(GroupSchema) }), ...errors },
      },
    },
    async (req) => ({
      items: (
        await db
          .selectFrom('groups')
          .selectAll()
          .where('organization_id', '=', who(req).organizationId)
          .orderBy('name')
          .execute()
      ).map(toGroup),
    }),
  );

  app.post(
    '/groups',
    {
      onRequest: requireRole('admin'),
      schema: { tags: ['roster'], body: GroupInput, response: { 201: GroupSchema, ...errors } },
    },
    async (req, reply) => {
      const auth = who(req);
      const group = await rosterWrite(ctx, auth, async (s) => {
        if (req.body.parentId)
          await assertOwnGroups(s.trx, auth.organizationId, [req.body.parentId]);
        const row = {
          id: uuidv7(),
          organization_id: auth.organizationId,
          name: req.body.name,
          parent_id: req.body.parentId ?? null,
          active: 1,
          updated_at: s.nowIso,
          seq: s.seq.next(),
        };
        await s.trx.insertInto('groups').values(row).execute();
        await s.audit('group', row.id, 'create', null, req.body);
        return toGroup(row);
      });
      return reply.status(201).send(group);
    },
  );

  app.get(
    '/presence-states',
    {
      onRequest: requireAuth,
      schema: {
        tags: ['roster'],
        response: { 200: Type.Object({ items: Type.Array(PresenceStateSchema) }), ...errors },
      },
    },
    async (req) => ({
      items: (
        await db
          .selectFrom('presence_states')
          .selectAll()
          .where('organization_id', '=', who(req).organizationId)
          .orderBy('sort_order')
          .execute()
      ).map(toPresenceState),
    }),
  );
};

type Occurrence = { scheduledStart: string; scheduledEnd: string };

async function createSessions(
  ctx: AppContext,
  auth: AuthContext,
  b: Omit<SessionInput, keyof Occurrence>,
  occurrences: Occurrence[],
) {
  return rosterWrite(ctx, auth, async (s) => {
    await assertOwnGroups(s.trx, auth.organizationId, b.groupIds ?? []);
    const out = [];
    for (const [i, o] of occurrences.entries()) {
      const id = uuidv7(ctx.clock.now());
      const row = {
        id,
        organization_id: auth.organizationId,
        name: b.name,
        location: b.location ?? null,
        scheduled_start: o.scheduledStart,
        scheduled_end: o.scheduledEnd,
        actual_start: null,
        actual_end: null,
        status: b.status ?? 'scheduled',
        late_after_minutes: b.lateAfterMinutes ?? null,
        updated_at: s.nowIso,
        seq: s.seq.next(),
      };
      await s.trx.insertInto('sessions').values(row).execute();
      const groupIds = b.groupIds ?? [];
      await insertSessionGroups(s, auth.organizationId, id, groupIds);
      await s.audit('session', id, 'create', null, {
        ...b,
        ...o,
        ...(occurrences.length > 1 ? { occurrence: i + 1, of: occurrences.length } : {}),
      });
      out.push(toSession(row, groupIds));
    }
    return out;
  });
}

async function insertSessionGroups(s: WriteScope, org: string, sessionId: string, ids: string[]) {
  if (ids.length)
    await s.trx
      .insertInto('session_groups')
      .values(ids.map((g) => ({ organization_id: org, session_id: sessionId, group_id: g })))
      .execute();
}

/** Replaces the groups a session expects (an edit), only with the organization's own groups. */
async function setSessionGroups(s: WriteScope, org: string, sessionId: string, ids: string[]) {
  await assertOwnGroups(s.trx, org, ids);
  await s.trx.deleteFrom('session_groups').where('session_id', '=', sessionId).execute();
  await insertSessionGroups(s, org, sessionId, ids);
}
