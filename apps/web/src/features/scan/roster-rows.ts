// What each roster row shows of its person's record, kept as the same object while it does not
// change. The screen's records are read afresh after every write (new objects for all ~200 of
// them), so a row compared by its record would re-render on every scan: with these, React's memo
// re-renders the one row a scan changed (issue 14's bench: rendering the whole roster after each
// scan was what put scans behind it).
import type { LocalRecord } from '../../db/db.ts';

export interface RowRecord {
  state: string | null;
  pending: boolean;
  hasConflict: boolean;
  leftAt: string | null;
}

const same = (a: RowRecord, r: LocalRecord) =>
  a.state === r.state &&
  a.pending === r.pending &&
  a.hasConflict === r.hasConflict &&
  a.leftAt === (r.leftAt ?? null);

/** Each person's row record, reusing `previous`'s object for a person whose row looks the same. */
export function rowRecords(
  records: readonly LocalRecord[],
  previous: ReadonlyMap<string, RowRecord>,
): Map<string, RowRecord> {
  const rows = new Map<string, RowRecord>();
  for (const r of records) {
    const before = previous.get(r.participantId);
    rows.set(
      r.participantId,
      before && same(before, r)
        ? before
        : {
            state: r.state,
            pending: r.pending,
            hasConflict: r.hasConflict,
            leftAt: r.leftAt ?? null,
          },
    );
  }
  return rows;
}
