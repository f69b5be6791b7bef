import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, ParticipantSchema, uuidv7 } from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { requireRole, who } from '../../plugins/auth.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { randomPersonalCode, randomToken } from '../../lib/secrets.ts';
import { toParticipant } from '../sync/mappers.ts';
import { membershipsOf } from '../sync/pull.repository.ts';
import { assertOwnGroups, rosterWrite, type WriteScope } from './roster.service.ts';
import { IdParams, ParticipantInput } from './roster.schemas.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const participantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  const db = ctx.db.kysely;
  app.get(
    '/participants',
    {
      onRequest: requireRole('admin', 'manager', 'usher', 'temp_usher'),
      schema: {
        tags: ['roster'],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(ParticipantSchema), total: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (req) => {
      let q = db.selectFrom('participants').where('organization_id', '=', who(req).organizationId);
      if (req.query.q) {
        const like = `%${req.query.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['first_name']), 'like', like),
            eb(eb.fn('lower', ['last_name']), 'like', like),
            eb('personal_code', '=', req.query.q!),
            eb('external_key', '=', req.query.q!),
          ]),
        );
      }
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await q
        .selectAll()
        .orderBy('last_name')
        .orderBy('first_name')
        .limit(req.query.limit ?? 100)
        .offset(req.query.offset ?? 0)
        .execute();
      const groups = await membershipsOf(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => toParticipant(r, groups.get(r.id) ?? [])),
        total: Number(total?.n ?? 0),
      };
    },
  );

  app.post(
    '/participants',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        body: ParticipantInput,
        response: { 201: ParticipantSchema, ...errors },
      },
    },
    async (req, reply) => {
      const auth = who(req);
      const id = uuidv7(ctx.clock.now());
      const created = await rosterWrite(ctx, auth, async (s) => {
        const code = req.body.personalCode ?? (await freeCode(s, auth.organizationId));
        await assertCodeFree(s, auth.organizationId, code, null);
        const row = {
          id,
          organization_id: auth.organizationId,
          first_name: req.body.firstName,
          last_name: req.body.lastName,
          preferred_name: req.body.preferredName ?? null,
          personal_code: code,
          external_key: req.body.externalKey ?? null,
          qr_token: randomToken(18),
          guardian_name: req.body.guardianName ?? null,
          guardian_phone: req.body.guardianPhone ?? null,
          active: req.body.active === false ? 0 : 1,
          extra: '{}',
          created_at: s.nowIso,
          updated_at: s.nowIso,
          seq: s.seq.next(),
        };
        await s.trx.insertInto('participants').values(row).execute();
        await setGroups(s, auth.organizationId, id, req.body.groupIds ?? []);
        await s.audit('participant', id, 'create', null, req.body);
        return toParticipant(row, req.body.groupIds ?? []);
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/participants/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        body: Type.Partial(ParticipantInput),
        response: { 200: ParticipantSchema, ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      return rosterWrite(ctx, auth, async (s) => {
        const before = await s.trx
          .selectFrom('participants')
          .selectAll()
          .where('id', '=', req.params.id)
          .where('organization_id', '=', auth.organizationId)
          .executeTakeFirst();
        if (!before) throw notFound(`Participant ${req.params.id}`);
        const b = req.body;
        if (b.personalCode && b.personalCode !== before.personal_code)
          await assertCodeFree(s, auth.organizationId, b.personalCode, before.id);
        const patch = {
          ...(b.firstName !== undefined ? { first_name: b.firstName } : {}),
          ...(b.lastName !== undefined ? { last_name: b.lastName } : {}),
          ...(b.preferredName !== undefined ? { preferred_name: b.preferredName } : {}),
          ...(b.personalCode ? { personal_code: b.personalCode } : {}),
          ...(b.externalKey !== undefined ? { external_key: b.externalKey } : {}),
          ...(b.guardianName !== undefined ? { guardian_name: b.guardianName } : {}),
          ...(b.guardianPhone !== undefined ? { guardian_phone: b.guardianPhone } : {}),
          ...(b.active !== undefined ? { active: b.active ? 1 : 0 } : {}),
          updated_at: s.nowIso,
          seq: s.seq.next(),
        };
        await s.trx.updateTable('participants').set(patch).where('id', '=', before.id).execute();
        if (b.groupIds) await setGroups(s, auth.organizationId, before.id, b.groupIds);
        await s.audit('participant', before.id, 'update', before, b);
        const groups = await membershipsOf(s.trx, [before.id]);
        return toParticipant({ ...before, ...patch }, groups.get(before.id) ?? []);
      });
    },
  );

  app.post(
    '/participants/:id/rotate-qr',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        response: { 200: Type.Object({ qrToken: Type.String() }), ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      return rosterWrite(ctx, auth, async (s) => {
        const qrToken = randomToken(18);
        const r = await s.trx
          .updateTable('participants')
          .set({ qr_token: qrToken, updated_at: s.nowIso, seq: s.seq.next() })
          .where('id', '=', req.params.id)
          .where('organization_id', '=', auth.organizationId)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound(`Participant ${req.params.id}`);
        await s.audit('participant', req.params.id, 'rotate_qr', null, null);
        return { qrToken };
      });
    },
  );

  // A participant's attendance history: every session they have a record for, newest first.
  app.get(
    '/participants/:id/attendance',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: {
        tags: ['roster'],
        params: IdParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(AttendanceItem) }), ...errors },
      },
    },
    async (req) => {
      const org = who(req).organizationId;
      const found = await db
        .selectFrom('participants')
        .select('id')
        .where('id', '=', req.params.id)
        .where('organization_id', '=', org)
        .executeTakeFirst();
      if (!found) throw notFound(`Participant ${req.params.id}`);
      const rows = await db
        .selectFrom('presence_records as r')
        .innerJoin('sessions as s', 's.id', 'r.session_id')
        .leftJoin('users as u', 'u.id', 'r.recorded_by')
        .select([
          's.id as session_id',
          's.name',
          's.scheduled_start',
          'r.state',
          'r.method',
          'r.recorded_at',
          'r.has_conflict',
          'u.display_name',
        ])
        .where('r.participant_id', '=', req.params.id)
        .where('r.organization_id', '=', org)
        .orderBy('s.scheduled_start', 'desc')
        .limit(req.query.limit ?? 100)
        .execute();
      return {
        items: rows.map((r) => ({
          sessionId: r.session_id,
          sessionName: r.name,
          scheduledStart: r.scheduled_start,
          state: r.state,
          method: r.method,
          recordedAt: r.recorded_at,
          recordedBy: r.display_name,
          hasConflict: r.has_conflict === 1,
        })),
      };
    },
  );
};

const AttendanceItem = Type.Object({
  sessionId: Type.String(),
  sessionName: Type.String(),
  scheduledStart: Type.String(),
  state: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
  recordedAt: Type.String(),
  recordedBy: Type.Union([Type.String(), Type.Null()]),
  hasConflict: Type.Boolean(),
});

async function assertCodeFree(s: WriteScope, org: string, code: string, exceptId: string | null) {
  const clash = await s.trx
    .selectFrom('participants')
    .select('id')
    .where('organization_id', '=', org)
    .where('personal_code', '=', code)
    .executeTakeFirst();
  if (clash && clash.id !== exceptId)
    throw conflict(
      `Personal code ${code} is already used by another participant`,
      'personal_code_taken',
    );
}

async function freeCode(s: WriteScope, org: string) {
  for (let i = 0; i < 50; i++) {
    const code = randomPersonalCode();
    const clash = await s.trx
      .selectFrom('participants')
      .select('id')
      .where('organization_id', '=', org)
      .where('personal_code', '=', code)
      .executeTakeFirst();
    if (!clash) return code;
  }
  throw new Error('no free personal code');
}

async function setGroups(s: WriteScope, org: string, participantId: string, groupIds: string[]) {
  await assertOwnGroups(s.trx, org, groupIds);
  const valid = groupIds;
  await s.trx.deleteFrom('group_memberships').where('participant_id', '=', participantId).execute();
  if (valid.length)
    await s.trx
      .insertInto('group_memberships')
      .values(
        valid.map((g) => ({ organization_id: org, group_id: g, participant_id: participantId })),
      )
      .execute();
}
