// Frozen. A (device, deviceSeq) pair names one change: each push looks up the seqs of its batch
// among the device's stored changes. Not a unique index: databases written before this rule may
// hold two changes with one seq, and the push path enforces it under the organization's counter lock.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('changes_device_seq')
    .on('changes')
    .columns(['device_id', 'device_seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('changes_device_seq').execute();
}
