// Today's sessions of the device's organization.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../app-context.ts';
import { useSession } from '../auth/session-store.ts';

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

export function SessionsScreen() {
  const go = useSession((s) => s.go);
  const staff = useSession(
    (s) => s.login?.user.role === 'admin' || s.login?.user.role === 'manager',
  );
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + 86_400_000);
  const sessions = useLiveQuery(
    () =>
      db.sessions
        .where('scheduledStart')
        .between(start.toISOString(), end.toISOString())
        .sortBy('scheduledStart'),
    [],
  );
  // Per session through the index: today's few sessions, never a scan of every record.
  const counts = useLiveQuery(async () => {
    const m = new Map<string, number>();
    for (const s of sessions ?? []) {
      m.set(
        s.id,
        await db.records
          .where('sessionId')
          .equals(s.id)
          .filter((r) => r.state === 'present' || r.state === 'late')
          .count(),
      );
    }
    return m;
  }, [sessions]);
  return (
    <main className="screen">
      <h1>Today</h1>
      {sessions === undefined && <p>Loading…</p>}
      {sessions?.length === 0 && (
        <p className="muted">No sessions today. They appear here once they are synced.</p>
      )}
      <ul className="session-list">
        {sessions
          ?.filter((s) => s.status !== 'canceled')
          .map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="session"
                onClick={() => go({ name: 'checkin', sessionId: s.id })}
              >
                <span className="grow">
                  <strong>{s.name}</strong>
                  <span className="muted">
                    {time(s.scheduledStart)}–{time(s.scheduledEnd)}
                    {s.location ? ` · ${s.location}` : ''}
                  </span>
                </span>
                <span className={`badge ${s.status}`}>{s.status}</span>
                <span className="count" aria-label="checked in">
                  {counts?.get(s.id) ?? 0}
                </span>
              </button>
              {staff && (
                <button
                  type="button"
                  className="link"
                  aria-label={`Live arrivals for ${s.name}`}
                  onClick={() => go({ name: 'live', sessionId: s.id })}
                >
                  Live arrivals
                </button>
              )}
            </li>
          ))}
      </ul>
    </main>
  );
}
