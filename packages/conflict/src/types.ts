// The vocabulary of the conflict rules. Plain data, JSON-serialisable, so the server can store a
// key's state in a row and the client can explain a conflict with the same code.
export type PresenceValue = string | null; // a presence state code; null = cleared (presence.clear)

export interface Observation {
  changeId: string;
  deviceId: string;
  deviceSeq: number;
  userId: string;
  state: PresenceValue;
  method: string;
  recordedAt: string; // device time: data only, never trusted for ordering
  hlc: string; // hybrid logical clock stamp: orders observations
  baseVersion: number; // server version of the record the device last saw, 0 if none
}

export interface ConflictState {
  status: 'open' | 'auto_resolved';
  versions: Observation[]; // sorted by arrival order (hlc, deviceId, changeId)
  rule?: string; // the policy rule that settled it, when auto_resolved
}

/** An observation in a key's live set, with the key version it joined at. */
export interface LiveObservation {
  observation: Observation;
  // A device that decided on top of this version or a later one had it on screen; one that
  // decided on top of an earlier version never saw it, so its change does not supersede it.
  since: number;
}

export interface KeyState {
  version: number; // bumps whenever the key changes: its record, its conflict or its live set
  record: Observation; // whose values the record shows
  current: LiveObservation[]; // latest observation per device not superseded by one who saw it
  conflict: ConflictState | null;
}

export type Outcome =
  { kind: 'applied' } | { kind: 'merged'; reason: 'agrees' | 'superseded' } | { kind: 'conflict' };

export interface ReconcileResult {
  next: KeyState;
  outcome: Outcome;
  recordChanged: boolean; // the record's values or its conflict changed
  stateChanged: boolean; // anything the key keeps changed (also a merged agreement): store it
  conflictOpened: boolean;
  conflictClosed: null | 'auto_resolved' | 'agreement' | 'superseded';
}
