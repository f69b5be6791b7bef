// The client's merge decisions, as pure functions: what a pulled record, a retention removal or
// the server's answer to a push does to this device's copy of one presence record. The Dexie code
// (apply-pull.ts, push-outbox.ts) reads the rows, asks these, and writes what they return.
import type { ChangeResult, PresenceRecord } from '@rollcall/shared';
import type { LocalRecord } from '../db/db.ts';

/** What to store for a pulled record; null leaves the stored row as it is (no write). */
export function mergePulled(
  mine: LocalRecord | undefined,
  pulled: PresenceRecord,
): LocalRecord | null {
  // Our own pushes come back in the pull: a record already at this version is left alone.
  if (mine && !mine.pending && sameAsPulled(mine, pulled)) return null;
  // A change still queued here is the usher's latest word: it keeps its values but learns the
  // conflict flag; the server's version becomes its base once the queue has drained.
  if (mine?.pending)
    return { ...mine, hasConflict: pulled.hasConflict, conflictId: pulled.conflictId };
  return {
    sessionId: pulled.sessionId,
    participantId: pulled.participantId,
    state: pulled.state,
    method: pulled.method,
    recordedAt: pulled.recordedAt,
    recordedBy: pulled.recordedBy,
    deviceId: pulled.deviceId,
    version: pulled.version,
    hasConflict: pulled.hasConflict,
    conflictId: pulled.conflictId,
    leftAt: pulled.leftAt ?? null,
    pending: false,
  };
}

// A departure keeps the record's version, so the time left is compared on its own.
const sameAsPulled = (mine: LocalRecord, r: PresenceRecord) =>
  mine.version === r.version &&
  mine.hasConflict === r.hasConflict &&
  mine.state === r.state &&
  (mine.leftAt ?? null) === (r.leftAt ?? null);

/**
 * Whether a retention tombstone removes this device's copy. A record with a change still queued
 * is the usher's unsent word: it stays, and the push answers for it (past_retention).
 */
export const dropsOnRemoval = (mine: LocalRecord | undefined): mine is LocalRecord =>
  Boolean(mine && !mine.pending);

/**
 * The record once the server answered the last queued change for it: no longer pending, at the
 * version the server gave, flagged when the change (or its first delivery) met a conflict. A
 * rejected change (`result` null) only stops waiting: the rejection stays in the outbox.
 */
export function settledRecord(rec: LocalRecord, result: ChangeResult | null): LocalRecord {
  const conflict =
    result && (result.status === 'conflict' || result.original?.status === 'conflict');
  return {
    ...rec,
    pending: false,
    ...(result?.version !== undefined ? { version: result.version } : {}),
    ...(conflict ? { hasConflict: true, conflictId: result.conflictId ?? null } : {}),
  };
}
