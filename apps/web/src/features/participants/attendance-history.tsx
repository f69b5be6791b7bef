// One participant's attendance over time, newest first.
import type { AttendanceItem as Item, Participant } from '@rollcall/shared';
import { useRemote, when } from '../../lib/use-remote.ts';

export function AttendanceHistory({ p, onClose }: { p: Participant; onClose(): void }) {
  const { data, error } = useRemote<{ items: Item[] }>(`/api/v1/participants/${p.id}/attendance`);
  return (
    <section className="card" aria-label={`Attendance of ${p.firstName} ${p.lastName}`}>
      <div className="row">
        <h2 className="grow">
          Attendance · {p.firstName} {p.lastName}
        </h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {data?.items.length === 0 && <p className="muted">No attendance recorded yet.</p>}
      {data && data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Session</th>
              <th>When</th>
              <th>State</th>
              <th>How</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={i.sessionId}>
                <td>{i.sessionName}</td>
                <td>{when(i.scheduledStart)}</td>
                <td>
                  {i.state ?? 'cleared'}
                  {i.hasConflict && <span className="tag warn">conflict</span>}
                </td>
                <td>{i.method}</td>
                <td>{i.recordedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
