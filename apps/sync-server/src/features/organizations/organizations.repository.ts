// Queries of the organization's own settings and its presence states.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, OrganizationTable, PresenceStateTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const organizationRow = (db: Q, id: string) =>
  db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();

export const updateOrganization = (db: Q, id: string, patch: Updateable<OrganizationTable>) =>
  db.updateTable('organizations').set(patch).where('id', '=', id).execute();

export const presenceStateRows = (db: Q, org: string) =>
  db
    .selectFrom('presence_states')
    .selectAll()
    .where('organization_id', '=', org)
    .orderBy('sort_order')
    .execute();

export const findPresenceState = (db: Q, org: string, id: string) =>
  db
    .selectFrom('presence_states')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

export const presenceStateByCode = (db: Q, org: string, code: string) =>
  db
    .selectFrom('presence_states')
    .select('id')
    .where('organization_id', '=', org)
    .where('code', '=', code)
    .executeTakeFirst();

export const defaultPresenceStates = (db: Q, org: string) =>
  db
    .selectFrom('presence_states')
    .select('id')
    .where('organization_id', '=', org)
    .where('is_default', '=', 1)
    .execute();

export const insertPresenceState = (db: Q, row: Insertable<PresenceStateTable>) =>
  db.insertInto('presence_states').values(row).execute();

export const updatePresenceState = (db: Q, id: string, patch: Updateable<PresenceStateTable>) =>
  db.updateTable('presence_states').set(patch).where('id', '=', id).execute();
