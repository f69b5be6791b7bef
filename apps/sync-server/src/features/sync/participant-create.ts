// participant.create from a device (quick-add at the door, offline). The device chose the id; the
// server assigns the QR token and, when the device's code is taken or missing, a free personal code.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { randomPersonalCode, randomToken } from '../../lib/secrets.ts';
import type { Fresh } from './push-apply.ts';
import type { SeqAllocator } from './seq.repository.ts';
import * as repo from './sync.repository.ts';

export async function createParticipants(
  trx: Transaction<Database>,
  organizationId: string,
  creations: Fresh[],
  known: Set<string>,
  seq: SeqAllocator,
  nowMs: number,
) {
  if (creations.length === 0) return 0;
  const wanted = creations.flatMap((f) =>
    f.change.participant?.personalCode ? [f.change.participant.personalCode] : [],
  );
  const taken = await repo.findParticipantCodes(trx, organizationId, wanted);
  const groupIds = new Set(
    (
      await trx
        .selectFrom('groups')
        .select('id')
        .where('organization_id', '=', organizationId)
        .execute()
    ).map((g) => g.id),
  );
  const nowIso = iso(nowMs);
  let created = 0;
  for (const f of creations) {
    const p = f.change.participant!;
    if (known.has(f.change.participantId)) {
      f.item.result = {
        index: f.item.index,
        changeId: f.change.changeId,
        status: 'rejected',
        code: 'participant_exists',
        reason: 'A participant with this id already exists',
      };
      continue;
    }
    const code = await freeCode(trx, organizationId, p.personalCode, taken);
    taken.add(code);
    await trx
      .insertInto('participants')
      .values({
        id: f.change.participantId,
        organization_id: organizationId,
        first_name: p.firstName.trim(),
        last_name: p.lastName.trim(),
        preferred_name: p.preferredName ?? null,
        personal_code: code,
        external_key: p.externalKey ?? null,
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
    const memberships = (p.groupIds ?? []).filter((g) => groupIds.has(g));
    await repo.insertMany(
      trx,
      'group_memberships',
      memberships.map((g) => ({
        organization_id: organizationId,
        group_id: g,
        participant_id: f.change.participantId,
      })),
    );
    known.add(f.change.participantId);
    f.item.result = {
      index: f.item.index,
      changeId: f.change.changeId,
      status: 'applied',
      version: 1,
    };
    created += 1;
  }
  return created;
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
