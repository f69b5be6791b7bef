// participant.create from a device (quick-add at the door, offline). The device chose the id; the
// server assigns the QR token and, when the device's code is taken or missing, a free personal code.
// A creation that cannot be stored (its id or external key is taken) is rejected alone: it must
// never fail the push, or every good change queued behind it on the device is stuck for ever.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { randomPersonalCode, randomToken } from '../../lib/secrets.ts';
import type { Change } from '@rollcall/shared';
import { rejected, type Fresh, type Results } from './push-item.ts';
import type { SeqAllocator } from './seq.repository.ts';
import * as repo from './sync.repository.ts';

// The same words whether the id is taken here or in another organization: nothing revealed.
const idTaken = {
  code: 'participant_exists' as const,
  reason: 'A participant with this id already exists',
};

export async function createParticipants(
  trx: Transaction<Database>,
  organizationId: string,
  creations: (Fresh & { change: Extract<Change, { kind: 'participant.create' }> })[],
  known: Set<string>,
  seq: SeqAllocator,
  nowMs: number,
): Promise<Results> {
  const results: Results = new Map();
  if (creations.length === 0) return results;
  const people = creations.map((f) => f.change.participant);
  const [taken, takenIds, takenKeys, groupIds] = await Promise.all([
    repo.findParticipantCodes(
      trx,
      organizationId,
      people.flatMap((p) => (p.personalCode ? [p.personalCode] : [])),
    ),
    repo.findTakenParticipantIds(
      trx,
      creations.map((f) => f.change.participantId),
    ),
    repo.findExternalKeys(
      trx,
      organizationId,
      people.flatMap((p) => (p.externalKey != null ? [p.externalKey] : [])),
    ),
    orgGroupIds(trx, organizationId),
  ]);
  const nowIso = iso(nowMs);
  for (const f of creations) {
    const p = f.change.participant;
    const id = f.change.participantId;
    const key = p.externalKey ?? null;
    const problem =
      known.has(id) || takenIds.has(id)
        ? idTaken
        : key !== null && takenKeys.has(key)
          ? {
              code: 'external_key_taken' as const,
              reason: `The external key "${key}" is already used by another participant of your organization`,
            }
          : null;
    if (problem) {
      results.set(f.item.index, rejected(f.item, f.change.changeId, problem));
      continue;
    }
    const code = await freeCode(trx, organizationId, p.personalCode, taken);
    const stored = await insertAlone(trx, async () => {
      await trx
        .insertInto('participants')
        .values({
          id,
          organization_id: organizationId,
          first_name: p.firstName.trim(),
          last_name: p.lastName.trim(),
          preferred_name: p.preferredName ?? null,
          personal_code: code,
          external_key: key,
          qr_token: randomToken(18),
          guardian_name: p.guardianName ?? null,
          guardian_phone: p.guardianPhone ?? null,
          active: 1,
          extra: JSON.stringify({ createdOnDevice: true }),
          created_at: nowIso,
          updated_at: nowIso,
          seq: seq.next(),
        })
        .execute();
      await repo.insertMany(
        trx,
        'group_memberships',
        [...new Set(p.groupIds ?? [])]
          .filter((g) => groupIds.has(g))
          .map((g) => ({ organization_id: organizationId, group_id: g, participant_id: id })),
      );
    });
    if (!stored) {
      results.set(f.item.index, rejected(f.item, f.change.changeId, idTaken));
      continue;
    }
    taken.add(code);
    takenIds.add(id);
    if (key !== null) takenKeys.add(key);
    known.add(id);
    results.set(f.item.index, {
      index: f.item.index,
      changeId: f.change.changeId,
      status: 'applied',
      version: 1,
    });
  }
  return results;
}

/**
 * Runs `write` in a savepoint. The checks above make a clash unexpected, but should one slip past
 * them (a writer outside the push path), only this creation is undone: on PostgreSQL a failed
 * statement would otherwise abort the whole transaction and every other change with it.
 */
export async function insertAlone(trx: Transaction<Database>, write: () => Promise<void>) {
  await sql`savepoint participant_create`.execute(trx);
  try {
    await write();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    await sql`rollback to savepoint participant_create`.execute(trx);
    await sql`release savepoint participant_create`.execute(trx);
    return false;
  }
  await sql`release savepoint participant_create`.execute(trx);
  return true;
}

const isUniqueViolation = (e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
};

async function orgGroupIds(trx: Transaction<Database>, organizationId: string) {
  const rows = await trx
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .execute();
  return new Set(rows.map((g) => g.id));
}

async function freeCode(
  trx: Transaction<Database>,
  organizationId: string,
  wanted: string | undefined,
  taken: Set<string>,
) {
  if (wanted && !taken.has(wanted)) return wanted;
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = randomPersonalCode();
    if (taken.has(code)) continue;
    const clash = await repo.findParticipantCodes(trx, organizationId, [code]);
    if (clash.size === 0) return code;
  }
  throw new Error('no free personal code after 50 attempts');
}
