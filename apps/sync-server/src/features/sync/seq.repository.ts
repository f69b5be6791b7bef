// The sync sequence: every row a device can pull carries the organization's next `seq`.
// The counter row is locked first in every writing transaction and released at commit, so
// sequence order IS commit order, also under concurrent writers on PostgreSQL: a pull can never
// see seq N+1 committed while N is still in flight, and no cursor ever skips a row.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface SeqAllocator {
  next(): number;
  /** The seqs given out so far: those above `after`, up to `through`. */
  taken(): { after: number; through: number };
  /** Writes the counter back; call once, last thing in the transaction. */
  flush(): Promise<void>;
}

export async function lockSeq(
  trx: Transaction<Database>,
  organizationId: string,
): Promise<SeqAllocator> {
  // A no-op UPDATE takes the row lock on PostgreSQL (held until commit) and reads the value.
  const row = await trx
    .updateTable('sync_counters')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('organization_id', '=', organizationId)
    .returning('value')
    .executeTakeFirst();
  if (!row) throw new Error(`no sync counter for organization ${organizationId}`);
  const start = Number(row.value);
  let value = start;
  return {
    next: () => ++value,
    taken: () => ({ after: start, through: value }),
    flush: async () => {
      if (value === start) return;
      await trx
        .updateTable('sync_counters')
        .set({ value })
        .where('organization_id', '=', organizationId)
        .execute();
    },
  };
}

export async function currentSeq(
  db: Pick<Transaction<Database>, 'selectFrom'>,
  organizationId: string,
) {
  const row = await db
    .selectFrom('sync_counters')
    .select('value')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}
