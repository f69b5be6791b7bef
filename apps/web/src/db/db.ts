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
import Dexie, { RangeSet, rangesOverlap, type EntityTable, type ObservabilitySet } from 'dexie';

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
  /** 1 exactly when `hasConflict`; set by the store on every write (see `markConflict`). */
  inConflict?: 1;
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
    // IndexedDB cannot index a boolean: a record in conflict also carries `inConflict: 1`, so the
    // sync loop counts conflicts from an index instead of reading every record.
    this.version(2)
      .stores({ records: '[sessionId+participantId], sessionId, participantId, inConflict' })
      .upgrade((tx) =>
        tx
          .table<LocalRecord>('records')
          .filter((r) => r.hasConflict)
          .modify((r) => void (r.inConflict = 1)),
      );
    // Who a session expects, by group: the counts and the roster read a session's members from
    // this index instead of every participant. IndexedDB fills a new index from the rows already
    // stored, so the upgrade has nothing to rewrite.
    this.version(3).stores({
      participants: 'id, personalCode, externalKey, qrToken, lastName, firstName, *groupIds',
    });
    // Nothing reads records by participant alone (a person's history reads the server): every
    // pulled row wrote an index entry no query used. Dropping an index rewrites no row.
    this.version(4).stores({ records: '[sessionId+participantId], sessionId, inConflict' });
    this.use({
      stack: 'dbcore',
      name: 'records-in-conflict',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'records') return table;
          return {
            ...table,
            mutate: (req) =>
              table.mutate(
                req.type === 'add' || req.type === 'put'
                  ? { ...req, values: req.values.map(markConflict) }
                  : req,
              ),
          };
        },
      }),
    });
  }
}

/** Every write path (scan, pull, push settle, upgrade) keeps `inConflict` true to `hasConflict`. */
function markConflict(value: unknown): unknown {
  const r = value as LocalRecord;
  if (r.hasConflict) return r.inConflict === 1 ? r : { ...r, inConflict: 1 };
  if (r.inConflict === undefined) return r;
  const { inConflict: _dropped, ...rest } = r;
  return rest;
}

/** Records in conflict, counted from the `inConflict` index. */
export function countConflicts(db: RollcallDb): Promise<number> {
  return db.records.where('inConflict').equals(1).count();
}

export const ROSTER_TABLES = [
  'participants',
  'sessions',
  'groups',
  'presenceStates',
  'users',
  'organizations',
] as const;

/**
 * Whether a write Dexie reports (`storagemutated`) touched a session's records: their primary key
 * starts with the session, and every write to the table reports the keys it wrote (or all of them).
 */
export function touchesRecordsOf(db: RollcallDb, sessionId: string) {
  const part = `idb://${db.name}/records/`;
  const ours = new RangeSet([sessionId], [sessionId, []]);
  return (parts: ObservabilitySet) =>
    Boolean(parts.all) || (parts[part] !== undefined && rangesOverlap(parts[part], ours));
}
