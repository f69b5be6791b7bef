// The local write path. A check-in writes the presence record AND its outbox entry in ONE
// IndexedDB transaction; the caller confirms to the usher only after it commits.
import { departureMs, formatHlc, hlcTick, type Hlc } from '@rollcall/conflict';
import { uuidv7, type Change, type Method, type NewParticipant } from '@rollcall/shared';
import type { LocalRecord, RollcallDb } from './db.ts';

export interface Recorder {
  deviceId: string;
  userId: string;
  now: () => number;
}

export type RecordResult =
  { kind: 'recorded'; record: LocalRecord } | { kind: 'already'; record: LocalRecord };

const ARRIVED = new Set(['present', 'late']);

// The rows a change is stamped from, read together with whatever else the write reads: a
// transaction's requests run in order in IndexedDB, so it waits on the store once for its reads.
function readClock(db: RollcallDb) {
  return Promise.all([
    db.meta.bulkGet(['deviceSeq', 'hlc', 'clockOffsetMs']),
    db.outbox.orderBy('deviceSeq').lastKey(),
  ]);
}

type Clock = Awaited<ReturnType<typeof readClock>>;

/**
 * The next change's stamp, from a `readClock` made in the same read-write transaction (which
 * holds the outbox and meta until it commits, so no other tab or call can take the same
 * sequence). `saved` is the counter's write, issued but not awaited: the caller awaits it with
 * its own writes, and if any of them fails the transaction keeps none.
 */
function nextStamp(
  db: RollcallDb,
  who: Recorder,
  [[seqRow, hlcRow, offsetRow], lastQueued]: Clock,
) {
  // A sequence is never reused on this device: the counter outlives sign-out, and it also starts
  // above every entry still queued (rejected ones stay), which heals a device whose counter an
  // older version reset while keeping the outbox.
  const deviceSeq =
    Math.max((seqRow?.value as number | undefined) ?? 0, (lastQueued as number | undefined) ?? 0) +
    1;
  // HLC node ids allow [A-Za-z0-9_-]; the device id's tail is unique enough per organization.
  // Stamped in the server's time as this device last learnt it: a phone whose clock is an hour
  // slow must not "arrive first" at every session.
  const hlc = hlcTick(
    (hlcRow?.value as Hlc | undefined) ?? null,
    who.now() + ((offsetRow?.value as number | undefined) ?? 0),
    who.deviceId.replace(/-/g, '').slice(-16),
  );
  const saved = db.meta.bulkPut([
    { key: 'deviceSeq', value: deviceSeq },
    { key: 'hlc', value: hlc },
  ]);
  return { deviceSeq, hlc: formatHlc(hlc), saved };
}

interface PresenceInput {
  sessionId: string;
  participantId: string;
  state: string | null;
  method: Method;
  /** A check-in (scan, code, search) records nothing when the person is already in. */
  checkIn?: boolean;
}

export async function recordPresence(
  db: RollcallDb,
  who: Recorder,
  input: PresenceInput,
): Promise<RecordResult> {
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const key: [string, string] = [input.sessionId, input.participantId];
    // The clock is read even when the answer is 'already': it rides the same round trip.
    const [existing, clock] = await Promise.all([db.records.get(key), readClock(db)]);
    if (input.checkIn && existing?.state && ARRIVED.has(existing.state))
      return { kind: 'already', record: existing };
    if (existing && existing.state === input.state) return { kind: 'already', record: existing };
    const stamp = nextStamp(db, who, clock);
    const recordedAt = new Date(who.now()).toISOString();
    const change: Change = {
      changeId: uuidv7(who.now()),
      deviceSeq: stamp.deviceSeq,
      sessionId: input.sessionId,
      participantId: input.participantId,
      recordedAt,
      hlc: stamp.hlc,
      baseVersion: existing?.version ?? 0,
      ...(input.state === null
        ? { kind: 'presence.clear' }
        : { kind: 'presence.set', state: input.state, method: input.method }),
    };
    const record: LocalRecord = {
      sessionId: input.sessionId,
      participantId: input.participantId,
      state: input.state,
      method: input.method,
      recordedAt,
      recordedBy: who.userId,
      deviceId: who.deviceId,
      version: existing?.version ?? 0,
      hasConflict: existing?.hasConflict ?? false,
      conflictId: existing?.conflictId ?? null,
      pending: true,
    };
    await Promise.all([
      stamp.saved,
      db.records.put(record),
      db.outbox.add({ deviceSeq: stamp.deviceSeq, change, status: 'pending', queuedAt: who.now() }),
    ]);
    return { kind: 'recorded', record };
  });
}

/** Quick-add at the door, offline: the participant and their check-in, queued together. */
export async function createParticipant(db: RollcallDb, who: Recorder, p: NewParticipant) {
  const id = uuidv7(who.now());
  await db.transaction('rw', [db.participants, db.outbox, db.meta], async () => {
    const stamp = nextStamp(db, who, await readClock(db));
    await Promise.all([
      stamp.saved,
      db.participants.put({
        id,
        firstName: p.firstName,
        lastName: p.lastName,
        preferredName: p.preferredName ?? null,
        personalCode: p.personalCode ?? '',
        externalKey: p.externalKey ?? null,
        qrToken: '',
        guardianName: null,
        guardianPhone: null,
        active: true,
        extra: { createdOnDevice: true },
        groupIds: p.groupIds ?? [],
        updatedAt: new Date(who.now()).toISOString(),
      }),
      db.outbox.add({
        deviceSeq: stamp.deviceSeq,
        status: 'pending',
        queuedAt: who.now(),
        change: {
          changeId: uuidv7(who.now()),
          deviceSeq: stamp.deviceSeq,
          kind: 'participant.create',
          participantId: id,
          recordedAt: new Date(who.now()).toISOString(),
          hlc: stamp.hlc,
          baseVersion: 0,
          participant: p,
        },
      }),
    ]);
  });
  return id;
}

export type DepartureResult =
  | { kind: 'recorded'; record: LocalRecord }
  | { kind: 'already_left'; record: LocalRecord }
  | { kind: 'not_in'; record: LocalRecord | undefined };

/**
 * A check-out: the time left, with its outbox entry, in one transaction. Only of someone this
 * device shows as in (a state that counts as present): anyone else is refused here, before
 * anything is queued, so the usher sees why at once.
 */
export async function recordDeparture(
  db: RollcallDb,
  who: Recorder,
  input: { sessionId: string; participantId: string },
): Promise<DepartureResult> {
  return db.transaction('rw', [db.records, db.outbox, db.meta, db.presenceStates], async () => {
    const [existing, clock] = await Promise.all([
      db.records.get([input.sessionId, input.participantId]),
      readClock(db),
    ]);
    const state = existing?.state;
    const counts = state
      ? ((await db.presenceStates.where('code').equals(state).first())?.countsAsPresent ??
        ARRIVED.has(state))
      : false;
    if (!existing || !counts) return { kind: 'not_in', record: existing };
    if (existing.leftAt) return { kind: 'already_left', record: existing };
    const stamp = nextStamp(db, who, clock);
    const change: Change = {
      changeId: uuidv7(who.now()),
      deviceSeq: stamp.deviceSeq,
      kind: 'presence.checkout',
      sessionId: input.sessionId,
      participantId: input.participantId,
      recordedAt: new Date(who.now()).toISOString(),
      hlc: stamp.hlc,
      baseVersion: existing.version,
    };
    // The time left is read from the stamp, as the server reads it: both show the same minute.
    const leftAt = new Date(departureMs(stamp)).toISOString();
    const record: LocalRecord = { ...existing, leftAt, pending: true };
    await Promise.all([
      stamp.saved,
      db.records.put(record),
      db.outbox.add({ deviceSeq: stamp.deviceSeq, change, status: 'pending', queuedAt: who.now() }),
    ]);
    return { kind: 'recorded', record };
  });
}
