// Reads many records by key, as `bulkGet` answers (in the keys' order, undefined where none), in
// few IndexedDB requests. `bulkGet` sends one request per key, which is most of the time a device
// spends settling a pushed batch of 1,000; a batch's keys crowd into a few sessions, and the
// records of one session lie together under the primary key, so one range read per session
// brings them all.
import type { LocalRecord, RollcallDb } from './db.ts';

type Key = [string, string];

/** Below this many keys in one session, reading its range could bring more than it saves. */
const RANGE_FROM = 16;

export async function readRecords(
  db: RollcallDb,
  keys: Key[],
): Promise<(LocalRecord | undefined)[]> {
  const bySession = new Map<string, string[]>();
  for (const [sessionId, participantId] of keys) {
    const ids = bySession.get(sessionId);
    if (ids) ids.push(participantId);
    else bySession.set(sessionId, [participantId]);
  }
  const singles: Key[] = [];
  const ranges: [string, string[]][] = [];
  for (const [sessionId, ids] of bySession)
    if (ids.length >= RANGE_FROM) ranges.push([sessionId, ids]);
    else for (const id of ids) singles.push([sessionId, id]);
  const found = new Map<string, LocalRecord>();
  const keep = (r: LocalRecord | undefined) =>
    r && found.set(recordKey(r.sessionId, r.participantId), r);
  await Promise.all([
    db.records.bulkGet(singles).then((rows) => rows.forEach(keep)),
    ...ranges.map(async ([sessionId, ids]) => {
      const sorted = [...ids].sort();
      const [first, last] = [sorted[0] ?? '', sorted[sorted.length - 1] ?? ''];
      const rows = await db.records
        .where(':id')
        .between([sessionId, first], [sessionId, last], true, true)
        .toArray();
      const wanted = new Set(ids);
      for (const r of rows) if (wanted.has(r.participantId)) keep(r);
    }),
  ]);
  return keys.map(([s, p]) => found.get(recordKey(s, p)));
}

/** A record's key as one string, for maps and sets (IndexedDB's array keys are not). */
export const recordKey = (sessionId: string, participantId: string) =>
  `${sessionId}|${participantId}`;
