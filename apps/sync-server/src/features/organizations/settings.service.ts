// Organization settings (terminology, late-after minutes, conflict policy, grace hours, time zone)
// and the presence states (labels, colours, order, default). Every write takes a sync seq, so
// devices pull the change, and is audited.
import {
  makeStationPinVerifier,
  isTimeZoneName,
  uuidv7,
  type OrganizationPatch,
  type OrganizationSettings,
  type PresenceStateInput,
  type PresenceStatePatch,
} from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import type { AppContext } from '../../plugins/context.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { toPresenceState } from '../sync/mappers.ts';
import { toOrganizationDto } from './organizations.service.ts';
import * as repo from './organizations.repository.ts';
import { rosterWrite, type WriteScope } from './roster-write.service.ts';

/** The audit trail says a PIN was set or changed, never its verifier. */
const auditable = (s: OrganizationSettings) => ({
  ...s,
  stationPin: s.stationPin ? `set (salt ${s.stationPin.salt})` : null,
});

export async function getOrganization(db: Kysely<Database>, org: string) {
  const row = await repo.organizationRow(db, org);
  if (!row) throw notFound('Your organization');
  return toOrganizationDto(row);
}

export async function updateOrganization(
  ctx: AppContext,
  auth: AuthContext,
  body: OrganizationPatch,
) {
  const { stationPin } = body;
  // The PIN's verifier is made here from the PIN: a client never sends one (it could send a weak one).
  const pin =
    stationPin === undefined
      ? {}
      : { stationPin: stationPin === null ? null : await makeStationPinVerifier(stationPin) };
  const zone = body.settings?.timeZone;
  if (zone !== undefined && !isTimeZoneName(zone))
    throw badRequest(`"${zone}" is not a time zone (for example America/Los_Angeles)`, [
      { path: 'body/settings/timeZone', message: 'must be an IANA time zone name' },
    ]);
  return rosterWrite(ctx, auth, async (s) => {
    const row = await repo.organizationRow(s.trx, auth.organizationId);
    if (!row) throw notFound('Your organization');
    const before = toOrganizationDto(row);
    const settings = { ...before.settings, ...(body.settings ?? {}), ...pin };
    const patch = {
      name: body.name ?? row.name,
      settings: JSON.stringify(settings),
      seq: s.seq.next(),
    };
    await repo.updateOrganization(s.trx, row.id, patch);
    await s.audit(
      'organization',
      row.id,
      'update',
      { name: before.name, settings: auditable(before.settings) },
      { name: patch.name, settings: auditable(settings) },
    );
    return toOrganizationDto({ ...row, ...patch });
  });
}

export async function listPresenceStates(db: Kysely<Database>, org: string) {
  return { items: (await repo.presenceStateRows(db, org)).map(toPresenceState) };
}

export async function createPresenceState(
  ctx: AppContext,
  auth: AuthContext,
  b: PresenceStateInput,
) {
  return rosterWrite(ctx, auth, async (s) => {
    if (await repo.presenceStateByCode(s.trx, auth.organizationId, b.code))
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
    await repo.insertPresenceState(s.trx, row);
    await s.audit('presence_state', row.id, 'create', null, b);
    return toPresenceState(row);
  });
}

export async function updatePresenceState(
  ctx: AppContext,
  auth: AuthContext,
  id: string,
  b: PresenceStatePatch,
) {
  return rosterWrite(ctx, auth, async (s) => {
    const before = await repo.findPresenceState(s.trx, auth.organizationId, id);
    if (!before) throw notFound(`Presence state ${id}`);
    if (b.isDefault) await clearDefault(s, auth.organizationId);
    const patch = {
      ...(b.label !== undefined ? { label: b.label } : {}),
      ...(b.color !== undefined ? { color: b.color } : {}),
      ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
      ...(b.isDefault !== undefined ? { is_default: b.isDefault ? 1 : 0 } : {}),
      ...(b.countsAsPresent !== undefined ? { counts_as_present: b.countsAsPresent ? 1 : 0 } : {}),
      ...(b.active !== undefined ? { active: b.active ? 1 : 0 } : {}),
      seq: s.seq.next(),
    };
    await repo.updatePresenceState(s.trx, before.id, patch);
    await s.audit('presence_state', before.id, 'update', toPresenceState(before), b);
    return toPresenceState({ ...before, ...patch });
  });
}

/** One default at a time: the old one loses the flag (with its own seq, so devices pull it). */
async function clearDefault(s: WriteScope, org: string) {
  for (const d of await repo.defaultPresenceStates(s.trx, org))
    await repo.updatePresenceState(s.trx, d.id, { is_default: 0, seq: s.seq.next() });
}
