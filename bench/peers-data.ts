// The organization every system starts its initial sync from, and the drain's changes, in one
// shape for the peers (PouchDB, RxDB): participants, sessions and presence records keyed by
// (session, participant), as Rollcall's device stores them.
export interface PeerDoc {
  id: string;
  kind: 'participant' | 'session' | 'record';
  [field: string]: string | number | boolean;
}

export const ORG = { participants: 5_000, sessions: 50, records: 100_000 };
export const DRAIN = 10_000;

const pid = (i: number) => `p${String(i).padStart(5, '0')}`;
const sid = (i: number) => `s${String(i).padStart(3, '0')}`;
const STATES = ['present', 'late', 'absent', 'excused'];

export function orgDocs(size = ORG): PeerDoc[] {
  const docs: PeerDoc[] = [];
  for (let i = 0; i < size.participants; i++)
    docs.push({
      id: pid(i),
      kind: 'participant',
      firstName: `First${i % 101}`,
      lastName: `Last${pid(i)}`,
      qrToken: `bench-${i}`,
      active: true,
    });
  for (let i = 0; i < size.sessions; i++)
    docs.push({
      id: sid(i),
      kind: 'session',
      name: `Bench ${i}`,
      scheduledStart: '2026-11-29T09:00:00.000Z',
      status: 'completed',
    });
  const perSession = Math.ceil(size.records / size.sessions);
  for (let r = 0; r < size.records; r++) {
    const s = Math.floor(r / perSession);
    docs.push(recordDoc(sid(s), pid(r % perSession), STATES[r % 4]!, 'server'));
  }
  return docs;
}

/** One presence record as a device writes it on a check-in. */
export function recordDoc(sessionId: string, participantId: string, state: string, device: string) {
  return {
    id: `${sessionId}|${participantId}`,
    kind: 'record' as const,
    sessionId,
    participantId,
    state,
    method: 'manual',
    recordedAt: new Date().toISOString(),
    recordedBy: device,
    deviceId: device,
    version: 1,
    hasConflict: false,
  };
}

/** The drain's N check-ins on 200 participants × 50 sessions, like the device bench. */
export function drainDocs(n: number, device: string) {
  return Array.from({ length: n }, (_, i) =>
    recordDoc(sid(Math.floor(i / 200) % 50), pid(i % 200), 'present', device),
  );
}
