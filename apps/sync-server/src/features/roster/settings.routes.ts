// Organization settings (terminology, late-after minutes, conflict policy, grace hours, time zone) and the
// presence states (labels, colours, order, default). Every write takes a sync seq, so devices pull
// the change, and is audited.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  Nullable,
  OrganizationSchema,
  OrganizationSettingsSchema,
  PresenceStateSchema,
  STATION_PIN_PATTERN,
  makeStationPinVerifier,
  isTimeZoneName,
  uuidv7,
  type OrganizationSettings,
} from '@rollcall/shared';
import { Type } from '@sinclair/typebox';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { requireRole, who } from '../../plugins/auth.ts';
import { toOrganizationDto } from '../organizations/organizations.service.ts';
import { toPresenceState } from '../sync/mappers.ts';
import { rosterWrite, type WriteScope } from './roster.service.ts';
import { IdParams } from './roster.schemas.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'a #rrggbb colour' });
const StateFields = {
  label: Type.String({ minLength: 1, maxLength: 40 }),
  color: Color,
  sortOrder: Type.Integer({ minimum: 0, maximum: 1000 }),
  isDefault: Type.Boolean(),
  countsAsPresent: Type.Boolean(),
  active: Type.Boolean(),
};

// The PIN's verifier is made here from the PIN: a client never sends one (it could send a weak one).
const { stationPin: _verifier, ...WritableSettings } = OrganizationSettingsSchema.properties;

/** The audit trail says a PIN was set or changed, never its verifier. */
const auditable = (s: OrganizationSettings) => ({
  ...s,
  stationPin: s.stationPin ? `set (salt ${s.stationPin.salt})` : null,
});

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/organization',
    {
      onRequest: requireRole('admin', 'manager'),
      schema: { tags: ['settings'], response: { 200: OrganizationSchema, ...errors } },
    },
    async (req) => {
      const row = await ctx.db.kysely
        .selectFrom('organizations')
        .selectAll()
        .where('id', '=', who(req).organizationId)
        .executeTakeFirst();
      if (!row) throw notFound('Your organization');
      return toOrganizationDto(row);
    },
  );

  app.patch(
    '/organization',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['settings'],
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            // Only the known keys: anything else would be stored and sent to every device.
            settings: Type.Optional(
              Type.Partial(
                Type.Object(
                  {
                    ...WritableSettings,
                    labels: Type.Object(OrganizationSettingsSchema.properties.labels.properties, {
                      additionalProperties: false,
                    }),
                  },
                  { additionalProperties: false },
                ),
              ),
            ),
            stationPin: Type.Optional(
              Nullable(
                Type.String({
                  pattern: STATION_PIN_PATTERN,
                  description:
                    'the PIN that unlocks a check-in station: 4 to 6 digits; null removes it',
                }),
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: OrganizationSchema, ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      const { stationPin } = req.body;
      const pin =
        stationPin === undefined
          ? {}
          : { stationPin: stationPin === null ? null : await makeStationPinVerifier(stationPin) };
      const zone = req.body.settings?.timeZone;
      if (zone !== undefined && !isTimeZoneName(zone))
        throw badRequest(`"${zone}" is not a time zone (for example America/Los_Angeles)`, [
          { path: 'body/settings/timeZone', message: 'must be an IANA time zone name' },
        ]);
      return rosterWrite(ctx, auth, async (s) => {
        const row = await s.trx
          .selectFrom('organizations')
          .selectAll()
          .where('id', '=', auth.organizationId)
          .executeTakeFirstOrThrow();
        const before = toOrganizationDto(row);
        const settings = { ...before.settings, ...(req.body.settings ?? {}), ...pin };
        const patch = {
          name: req.body.name ?? row.name,
          settings: JSON.stringify(settings),
          seq: s.seq.next(),
        };
        await s.trx.updateTable('organizations').set(patch).where('id', '=', row.id).execute();
        await s.audit(
          'organization',
          row.id,
          'update',
          { name: before.name, settings: auditable(before.settings) },
          { name: patch.name, settings: auditable(settings) },
        );
        return toOrganizationDto({ ...row, ...patch });
      });
    },
  );

  app.post(
    '/presence-states',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['settings'],
        body: Type.Object(
          { code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), ...StateFields },
          { additionalProperties: false },
        ),
        response: { 201: PresenceStateSchema, ...errors },
      },
    },
    async (req, reply) => {
      const auth = who(req);
      const b = req.body;
      const state = await rosterWrite(ctx, auth, async (s) => {
        const taken = await s.trx
          .selectFrom('presence_states')
          .select('id')
          .where('organization_id', '=', auth.organizationId)
          .where('code', '=', b.code)
          .executeTakeFirst();
        if (taken)
          throw conflict(`A presence state with code "${b.code}" already exists`, 'code_taken');
        if (b.isDefault) await clearDefault(s, auth.organizationId);
        const row = {
          id: uuidv7(),
          organization_id: auth.organizationId,
          code: b.code,
          label: b.label,
          color: b.color,
          sort_order: b.sortOrder,
          is_default: b.isDefault ? 1 : 0,
          counts_as_present: b.countsAsPresent ? 1 : 0,
          active: b.active ? 1 : 0,
          seq: s.seq.next(),
        };
        await s.trx.insertInto('presence_states').values(row).execute();
        await s.audit('presence_state', row.id, 'create', null, b);
        return toPresenceState(row);
      });
      return reply.status(201).send(state);
    },
  );

  // The code is the identity devices and records use: it never changes; everything else may.
  app.patch(
    '/presence-states/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['settings'],
        params: IdParams,
        body: Type.Partial(Type.Object(StateFields), { additionalProperties: false }),
        response: { 200: PresenceStateSchema, ...errors },
      },
    },
    async (req) => {
      const auth = who(req);
      const b = req.body;
      return rosterWrite(ctx, auth, async (s) => {
        const before = await s.trx
          .selectFrom('presence_states')
          .selectAll()
          .where('id', '=', req.params.id)
          .where('organization_id', '=', auth.organizationId)
          .executeTakeFirst();
        if (!before) throw notFound(`Presence state ${req.params.id}`);
        if (b.isDefault) await clearDefault(s, auth.organizationId);
        const patch = {
          ...(b.label !== undefined ? { label: b.label } : {}),
          ...(b.color !== undefined ? { color: b.color } : {}),
          ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
          ...(b.isDefault !== undefined ? { is_default: b.isDefault ? 1 : 0 } : {}),
          ...(b.countsAsPresent !== undefined
            ? { counts_as_present: b.countsAsPresent ? 1 : 0 }
            : {}),
          ...(b.active !== undefined ? { active: b.active ? 1 : 0 } : {}),
          seq: s.seq.next(),
        };
        await s.trx.updateTable('presence_states').set(patch).where('id', '=', before.id).execute();
        await s.audit('presence_state', before.id, 'update', toPresenceState(before), b);
        return toPresenceState({ ...before, ...patch });
      });
    },
  );
};

async function clearDefault(s: WriteScope, org: string) {
  const defaults = await s.trx
    .selectFrom('presence_states')
    .select('id')
    .where('organization_id', '=', org)
    .where('is_default', '=', 1)
    .execute();
  for (const d of defaults)
    await s.trx
      .updateTable('presence_states')
      .set({ is_default: 0, seq: s.seq.next() })
      .where('id', '=', d.id)
      .execute();
}
