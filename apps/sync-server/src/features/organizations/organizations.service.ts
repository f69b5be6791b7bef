// Creating a tenant: the organization, its sync counter, default presence states and first admin.
import {
  DEFAULT_LABELS,
  DEFAULT_PRESENCE_STATES,
  isTimeZoneName,
  uuidv7,
  type DomainType,
  type Organization,
  type OrganizationSettings,
  type Role,
} from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database, OrganizationRow } from '../../db/schema.ts';
import { iso, type Clock } from '../../lib/clock.ts';
import { badRequest } from '../../lib/errors.ts';
import { parseJson } from '../../lib/json.ts';
import { hashPassword } from '../../lib/secrets.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { lockSeq } from '../sync/seq.repository.ts';

/** Organizations made before zones were a setting were reported in UTC: they stay so until set. */
export const LEGACY_TIME_ZONE = 'UTC';

export function defaultSettings(
  domainType: DomainType,
  graceHours = 24,
  timeZone = LEGACY_TIME_ZONE,
): OrganizationSettings {
  return {
    labels: { ...DEFAULT_LABELS[domainType] },
    lateAfterMinutes: 10,
    conflictPolicy: { rules: [] },
    tempUsherGraceHours: graceHours,
    stationPin: null,
    stationShowsRoster: false,
    stationAllowsMarkAll: false,
    recordDepartures: false,
    timeZone,
  };
}

export function toOrganizationDto(row: OrganizationRow): Organization {
  const domainType = row.domain_type as DomainType;
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    domainType,
    settings: {
      ...defaultSettings(domainType),
      ...parseJson<Partial<OrganizationSettings>>(row.settings, {}),
    },
  };
}

/** The zone an organization's days are reckoned in. */
export async function organizationZone(db: Kysely<Database>, org: string): Promise<string> {
  const row = await db
    .selectFrom('organizations')
    .select('settings')
    .where('id', '=', org)
    .executeTakeFirst();
  return parseJson<{ timeZone?: string }>(row?.settings, {}).timeZone ?? LEGACY_TIME_ZONE;
}

export interface NewOrganization {
  name: string;
  slug: string;
  domainType: DomainType;
  /** IANA zone its days and weeks are reckoned in: the creating admin's. */
  timeZone: string;
  /** `passwordHash` instead of `password` reuses a hash already made (the demo seed's). */
  admin: { email: string; displayName: string } & (
    { password: string; passwordHash?: never } | { passwordHash: string; password?: never }
  );
}

export async function createOrganization(
  db: Kysely<Database>,
  clock: Clock,
  input: NewOrganization,
) {
  const now = clock.now();
  const orgId = uuidv7(now);
  if (!isTimeZoneName(input.timeZone))
    throw badRequest(`"${input.timeZone}" is not a time zone (for example Europe/Berlin)`, [
      { path: 'timeZone', message: 'must be an IANA time zone' },
    ]);
  const { password, passwordHash: given, ...admin } = input.admin;
  if (password !== undefined) assertPasswordAllowed(password, 'admin', 'admin.password', admin);
  const passwordHash = given ?? (password === undefined ? null : await hashPassword(password));
  if (!passwordHash) throw new Error('createOrganization needs the admin password or its hash');
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('sync_counters').values({ organization_id: orgId, value: 0 }).execute();
    const seq = await lockSeq(trx, orgId);
    await trx
      .insertInto('organizations')
      .values({
        id: orgId,
        name: input.name,
        slug: input.slug,
        domain_type: input.domainType,
        settings: JSON.stringify(defaultSettings(input.domainType, 24, input.timeZone)),
        deleted_at: null,
        created_at: iso(now),
        seq: seq.next(),
      })
      .execute();
    await trx
      .insertInto('presence_states')
      .values(
        DEFAULT_PRESENCE_STATES.map((s, i) => ({
          id: uuidv7(now),
          organization_id: orgId,
          code: s.code,
          label: s.label,
          color: s.color,
          sort_order: i,
          is_default: s.isDefault ? 1 : 0,
          counts_as_present: s.countsAsPresent ? 1 : 0,
          active: 1,
          seq: seq.next(),
        })),
      )
      .execute();
    await insertUser(trx, seq.next(), now, {
      organizationId: orgId,
      role: 'admin',
      passwordHash,
      ...admin,
    });
    await seq.flush();
  });
  return { organizationId: orgId };
}

export async function insertUser(
  trx: Transaction<Database>,
  seq: number,
  now: number,
  u: {
    organizationId: string;
    email: string;
    displayName: string;
    role: Role;
    passwordHash: string;
  },
) {
  const id = uuidv7(now);
  await trx
    .insertInto('users')
    .values({
      id,
      organization_id: u.organizationId,
      email: u.email.toLowerCase(),
      display_name: u.displayName,
      role: u.role,
      password_hash: u.passwordHash,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: iso(now),
      updated_at: iso(now),
      seq,
    })
    .execute();
  return id;
}
