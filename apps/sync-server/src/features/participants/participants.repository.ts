// Every query of the participants feature: participants, their group memberships, their history.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, ParticipantTable } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** One page of the organization's participants, matched on name, personal code or external key. */
export async function participantPage(
  db: Q,
  org: string,
  f: { q?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('participants').where('organization_id', '=', org);
  if (f.q) {
    const text = f.q;
    const like = `%${text.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['first_name']), 'like', like),
        eb(eb.fn('lower', ['last_name']), 'like', like),
        eb('personal_code', '=', text),
        eb('external_key', '=', text),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .selectAll()
    .orderBy('last_name')
    .orderBy('first_name')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export const findParticipant = (db: Q, org: string, id: string) =>
  db
    .selectFrom('participants')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();

/** The participant holding this personal code in the organization, if any. */
export const personalCodeHolder = (db: Q, org: string, code: string) =>
  db
    .selectFrom('participants')
    .select('id')
    .where('organization_id', '=', org)
    .where('personal_code', '=', code)
    .executeTakeFirst();

export const insertParticipant = (db: Q, row: Insertable<ParticipantTable>) =>
  db.insertInto('participants').values(row).execute();

export const updateParticipant = (db: Q, id: string, patch: Updateable<ParticipantTable>) =>
  db.updateTable('participants').set(patch).where('id', '=', id).execute();

/** Updates a participant of the organization; false when there is none with that id. */
export async function updateOwnParticipant(
  db: Q,
  org: string,
  id: string,
  patch: Updateable<ParticipantTable>,
) {
  const r = await db
    .updateTable('participants')
    .set(patch)
    .where('id', '=', id)
    .where('organization_id', '=', org)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Replaces the groups a participant belongs to. */
export async function replaceMemberships(
  db: Q,
  org: string,
  participantId: string,
  groupIds: string[],
) {
  await db.deleteFrom('group_memberships').where('participant_id', '=', participantId).execute();
  if (groupIds.length)
    await db
      .insertInto('group_memberships')
      .values(
        groupIds.map((g) => ({ organization_id: org, group_id: g, participant_id: participantId })),
      )
      .execute();
}

/** Every session the participant has a record for, newest first. */
export const attendanceRows = (db: Q, org: string, participantId: string, limit: number) =>
  db
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
    .where('r.participant_id', '=', participantId)
    .where('r.organization_id', '=', org)
    .orderBy('s.scheduled_start', 'desc')
    .limit(limit)
    .execute();
