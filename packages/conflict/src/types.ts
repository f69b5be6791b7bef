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

export interface KeyState {
  version: number; // bumps whenever the visible record or its conflict changes
  record: Observation; // whose values the record shows
  current: Observation[]; // latest observation per device not yet superseded by an informed write
  conflict: ConflictState | null;
}

export type Outcome =
  { kind: 'applied' } | { kind: 'merged'; reason: 'agrees' | 'superseded' } | { kind: 'conflict' };

export interface ReconcileResult {
  next: KeyState;
  outcome: Outcome;
  recordChanged: boolean;
  conflictOpened: boolean;
  conflictClosed: null | 'auto_resolved' | 'agreement' | 'superseded';
}
