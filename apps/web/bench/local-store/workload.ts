// The workload both stores are measured on: a scan writes one presence record and one outbox entry.
export const record = (i: number) => ({
  key: `s1|p${i}`,
  sessionId: 's1',
  participantId: `p${i}`,
  state: 'present',
  method: 'qr',
  recordedAt: new Date().toISOString(),
  recordedBy: 'u1',
  deviceId: 'd1',
  version: 0,
  hasConflict: false,
  pending: true,
});
export const outbox = (i: number) => ({
  seq: i,
  status: 'pending',
  queuedAt: Date.now(),
  change: {
    changeId: `c${i}`,
    deviceSeq: i,
    kind: 'presence.set',
    sessionId: 's1',
    participantId: `p${i}`,
    state: 'present',
    method: 'qr',
    hlc: `${i}`,
    baseVersion: 0,
  },
});
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;
export const SCANS = 500;
export const BULK = 10_000;
