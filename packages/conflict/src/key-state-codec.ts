// The one encoding of a key's state as the server stores it (presence_records.key_state). The
// version lives in its own column, so it is passed in on decode and left out on encode. Every
// format ever written stays readable: rows are never rewritten just because the format moved on.
import type { ConflictState, KeyState, LiveObservation, Observation } from './types.ts';

/** The format `encodeKeyState` writes. Bump it, and add a reader below, when the shape changes. */
export const KEY_STATE_FORMAT = 2;

interface StoredV2 {
  format: 2;
  record: Observation;
  current: LiveObservation[];
  conflict: ConflictState | null;
}

// Format 1 had no format field and kept bare observations, without the version each joined at.
interface StoredV1 {
  record: Observation;
  current: Observation[];
  conflict: ConflictState | null;
}

export function encodeKeyState(state: KeyState): string {
  const stored: StoredV2 = {
    format: KEY_STATE_FORMAT,
    record: state.record,
    current: state.current,
    conflict: state.conflict,
  };
  return JSON.stringify(stored);
}

export function decodeKeyState(text: string, version: number): KeyState {
  const stored = JSON.parse(text) as Partial<StoredV2> | Partial<StoredV1> | null;
  if (!stored || typeof stored !== 'object' || !stored.record || !Array.isArray(stored.current))
    throw new Error('key state has no record or live set');
  const conflict = stored.conflict ?? null;
  if (!('format' in stored) || stored.format === undefined) {
    // Format 1 bumped the version only when the record changed, so which version each observation
    // joined at is unknown. Taking the stored version keeps that format's rule exactly: a change
    // made on top of it supersedes them, one made on top of an older version does not.
    const current = (stored.current as Observation[]).map((observation) => ({
      observation,
      since: version,
    }));
    return { version, record: stored.record, current, conflict };
  }
  if (stored.format === 2)
    return {
      version,
      record: stored.record,
      current: stored.current,
      conflict,
    };
  throw new Error(`key state format ${String(stored.format)} is newer than this server knows`);
}
