// The device's source of truth. Schema versions are append-only: a new version adds stores or
// indexes and never drops `outbox`, so upgrading the app never loses a queued change.
import type {
  Change,
  Group,
  Organization,
  Participant,
  PresenceState,
  Session,
  UserSummary,
} from '@rollcall/shared';
import Dexie, { type EntityTable } from 'dexie';

export interface LocalRecord {
  sessionId: string;
  participantId: string;
  state: string | null;
  method: string;
  recordedAt: string;
  recordedBy: string;
  deviceId: string;
  /** The server version this device has seen (the base for its next change), 0 if none. */
  version: number;
  hasConflict: boolean;
  conflictId: string | null;
  /** When the person was checked out (the latest departure known here); absent or null if not. */
  leftAt?: string | null;
  /** True while an outbox entry for this record waits for the server. */
  pending: boolean;
}

export interface OutboxEntry {
  deviceSeq: number;
  change: Change;
  status: 'pending' | 'rejected';
  reason?: string;
  code?: string;
  queuedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class RollcallDb extends Dexie {
  participants!: EntityTable<Participant, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  groups!: EntityTable<Group, 'id'>;
  presenceStates!: EntityTable<PresenceState, 'id'>;
  users!: EntityTable<UserSummary, 'id'>;
  organizations!: EntityTable<Organization, 'id'>;
  records!: Dexie.Table<LocalRecord, [string, string]>;
  outbox!: EntityTable<OutboxEntry, 'deviceSeq'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'rollcall') {
    super(name);
    this.version(1).stores({
      participants: 'id, personalCode, externalKey, qrToken, lastName, firstName',
      sessions: 'id, scheduledStart',
      groups: 'id',
      presenceStates: 'id, code',
      users: 'id',
      organizations: 'id',
      records: '[sessionId+participantId], sessionId, participantId',
      outbox: 'deviceSeq, status',
      meta: 'key',
    });
  }
}

export const ROSTER_TABLES = [
  'participants',
  'sessions',
  'groups',
  'presenceStates',
  'users',
  'organizations',
] as const;
