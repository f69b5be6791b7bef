// The floor the ingest benches compare against: the same change-log rows and presence records a
// push would leave, written with one multi-row statement per table per 500 rows and nothing else
// (no validation, no conflict rules, no history, no audit).
import { uuidv7, type Change } from '@rollcall/shared';
import type { Harness } from '@rollcall/sync-server/testing';

type Trx = Harness['db']['kysely'];

export async function writeRawRows(
  trx: Trx,
  org: string,
  deviceId: string,
  now: string,
  changes: Change[],
) {
  for (let j = 0; j < changes.length; j += 500) {
    const part = changes.slice(j, j + 500);
    await trx
      .insertInto('changes')
      .values(
        part.map((c) => ({
          change_id: c.changeId,
          organization_id: org,
          device_id: deviceId,
          device_seq: c.deviceSeq,
          user_id: deviceId,
          kind: c.kind,
          session_id: c.sessionId ?? '',
          participant_id: c.participantId,
          payload: JSON.stringify(c),
          status: 'applied',
          version: 1,
          conflict_id: null,
          grace_accepted: 0,
          received_at: now,
          history_id: deviceId,
        })),
      )
      .execute();
    await writeRecords(trx, org, deviceId, now, part);
  }
}

/** Presence records alone, one per change (seeding an organization that already holds records). */
export async function writeRecords(
  trx: Trx,
  org: string,
  deviceId: string,
  now: string,
  part: Change[],
) {
  await trx
    .insertInto('presence_records')
    .values(
      part.map((c) => ({
        id: uuidv7(),
        organization_id: org,
        session_id: c.sessionId ?? '',
        participant_id: c.participantId,
        state: c.state ?? null,
        method: c.method ?? 'manual',
        recorded_at: c.recordedAt,
        recorded_by: deviceId,
        device_id: deviceId,
        change_id: c.changeId,
        version: 1,
        has_conflict: 0,
        conflict_id: null,
        key_state: '{}',
        created_at: now,
        updated_at: now,
        seq: 0,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['session_id', 'participant_id']).doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        version: eb.ref('excluded.version'),
        change_id: eb.ref('excluded.change_id'),
      })),
    )
    .execute();
}
