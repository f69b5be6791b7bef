// A session's live arrivals: headcount by state, arrivals per minute, the latest check-ins and
// which devices are contributing. Computed from the committed records, so what the page shows is
// exactly what devices have synced.
import { notFound } from '../../lib/errors.ts';
import { iso } from '../../lib/clock.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from './live.repository.ts';

const WINDOW_MINUTES = 30;
const LATEST = 15;

export async function liveSnapshot(
  db: Kysely<Database>,
  org: string,
  sessionId: string,
  nowMs: number,
) {
  const session = await repo.findSession(db, org, sessionId);
  if (!session) throw notFound(`Session ${sessionId}`);
  const [records, expected, states] = await Promise.all([
    repo.sessionRecords(db, org, sessionId),
    repo.expectedCount(db, org, sessionId),
    repo.presenceStates(db, org),
  ]);
  const presentCodes = new Set(states.filter((s) => s.counts_as_present === 1).map((s) => s.code));
  const byState = states.map((s) => ({
    code: s.code,
    label: s.label,
    color: s.color,
    count: records.filter((r) => r.state === s.code).length,
  }));
  const arrivals = records.filter((r) => r.state !== null && presentCodes.has(r.state));
  // Checked out: arrived, then left. Everyone else who arrived is still in.
  const left = arrivals.filter((r) => r.left_at !== null).length;
  const perMinute = arrivalsPerMinute(
    arrivals.map((r) => Date.parse(r.recorded_at)),
    nowMs,
  );
  const latest = [...records]
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
    .slice(0, LATEST)
    .map((r) => ({
      participantId: r.participant_id,
      name: `${r.preferred_name ?? r.first_name} ${r.last_name}`,
      state: r.state,
      method: r.method,
      recordedAt: r.recorded_at,
      leftAt: r.left_at,
      userName: r.user_name,
      deviceName: r.device_name,
      hasConflict: r.has_conflict === 1,
    }));
  const perDevice = new Map<string, number>();
  for (const r of records) perDevice.set(r.device_id, (perDevice.get(r.device_id) ?? 0) + 1);
  const devices = (await repo.devicesOf(db, org, [...perDevice.keys()]))
    .map((d) => ({
      id: d.id,
      name: d.name,
      userName: d.display_name,
      records: perDevice.get(d.id) ?? 0,
      pendingCount: d.pending_count,
      lastSyncAt: d.last_sync_at,
    }))
    .sort((a, b) => b.records - a.records);
  return {
    session: {
      id: session.id,
      name: session.name,
      status: session.status,
      location: session.location,
      scheduledStart: session.scheduled_start,
    },
    headcount: arrivals.length,
    stillIn: arrivals.length - left,
    left,
    expected,
    byState,
    perMinute,
    latest,
    devices,
    generatedAt: iso(nowMs),
  };
}

/** Counts per minute over the last WINDOW_MINUTES minutes, oldest first. */
export function arrivalsPerMinute(times: number[], nowMs: number) {
  const end = Math.floor(nowMs / 60_000);
  const buckets = Array.from({ length: WINDOW_MINUTES }, (_, i) => ({
    minute: iso((end - WINDOW_MINUTES + 1 + i) * 60_000),
    count: 0,
  }));
  for (const t of times) {
    const i = Math.floor(t / 60_000) - (end - WINDOW_MINUTES + 1);
    if (i >= 0 && i < WINDOW_MINUTES) buckets[i]!.count += 1;
  }
  return buckets;
}
