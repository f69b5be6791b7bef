// Check-ins that will never count: refused because they were recorded after the temporary
// usher's assignment was revoked or expired (or sent after its grace period), or still queued on
// a login the server no longer takes pushes from. The usher is told how many and can take them
// away as a CSV for an admin, instead of watching a queue that will never drain.
import type { OutboxEntry, RollcallDb } from '../db/db.ts';
import { translate } from '../i18n/i18n.ts';

/** Rejection codes that mean "the assignment had closed": no retry or fix on the device helps. */
export const LAPSE_CODES = new Set([
  'assignment_revoked',
  'assignment_expired',
  'grace_period_over',
  'assignment_missing',
]);

const lapsed = (e: OutboxEntry) => e.status === 'rejected' && LAPSE_CODES.has(e.code ?? '');

/** `pushRefused`: the server refused this login's push itself, so nothing pending can arrive. */
export async function notCountingEntries(
  db: RollcallDb,
  pushRefused: boolean,
): Promise<OutboxEntry[]> {
  const rejected = await db.outbox.where('status').equals('rejected').filter(lapsed).toArray();
  const pending = pushRefused ? await db.outbox.where('status').equals('pending').toArray() : [];
  return [...rejected, ...pending].sort((a, b) => a.deviceSeq - b.deviceSeq);
}

export async function countNotCounting(db: RollcallDb, pushRefused: boolean): Promise<number> {
  const [rejected, pending] = await Promise.all([
    db.outbox.where('status').equals('rejected').filter(lapsed).count(),
    pushRefused ? db.outbox.where('status').equals('pending').count() : 0,
  ]);
  return rejected + pending;
}

// Quoted, and a leading = + - @ neutralised so a spreadsheet does not run a name as a formula.
const cell = (v: string) => `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

/** name, session, time, state (and why): one row per check-in that will not count. */
export async function notCountingCsv(db: RollcallDb, pushRefused: boolean): Promise<string> {
  const entries = await notCountingEntries(db, pushRefused);
  // In the usher's language, as it is when they download (the admin reads the same file).
  const t = translate('sync');
  const [people, sessions] = await Promise.all([
    db.participants.bulkGet(entries.map((e) => e.change.participantId)),
    db.sessions.bulkGet(entries.map((e) => e.change.sessionId ?? '')),
  ]);
  const rows = entries.map((e, i) => {
    const c = e.change;
    const p = people[i] ?? c.participant;
    const name = p ? `${p.firstName} ${p.lastName}` : c.participantId;
    const state = c.kind === 'presence.set' ? (c.state ?? '') : c.kind.replace('.', ' ');
    const why = e.status === 'rejected' ? (e.reason ?? e.code ?? '') : t('csv.notSent');
    return [name, sessions[i]?.name ?? c.sessionId ?? '', c.recordedAt, state, why];
  });
  const header = [t('csv.name'), t('csv.session'), t('csv.time'), t('csv.state'), t('csv.reason')];
  return [header, ...rows]
    .map((r) => r.map(cell).join(','))
    .concat('')
    .join('\r\n');
}
