// A session's live arrivals, pushed by the server (SSE) as devices sync: no refresh button needed.
import { useEffect, useState } from 'react';
import { api } from '../../app-context.ts';
import { ago, when } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';
import { timeIn } from '../../lib/zone-format.ts';

interface Snapshot {
  session: { name: string; status: string; location: string | null };
  headcount: number;
  /** Arrived and not checked out / checked out (sent by protocol-3 servers). */
  stillIn?: number;
  left?: number;
  expected: number;
  byState: { code: string; label: string; color: string; count: number }[];
  perMinute: { minute: string; count: number }[];
  latest: {
    participantId: string;
    name: string;
    state: string | null;
    method: string;
    recordedAt: string;
    leftAt?: string | null;
    userName: string | null;
    deviceName: string | null;
    hasConflict: boolean;
  }[];
  devices: {
    id: string;
    name: string | null;
    userName: string;
    records: number;
    pendingCount: number | null;
    lastSyncAt: string | null;
  }[];
  generatedAt: string;
}

function useLive(sessionId: string) {
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let source: EventSource | null = null;
    let closed = false;
    void api.streamUrl(`/api/v1/sessions/${sessionId}/live/stream`).then((url) => {
      if (!url || closed) return;
      source = new EventSource(url);
      source.addEventListener('snapshot', (e) =>
        setSnap(JSON.parse((e as MessageEvent<string>).data) as Snapshot),
      );
      source.onopen = () => setConnected(true);
      source.onerror = () => setConnected(false); // EventSource reconnects by itself
    });
    return () => {
      closed = true;
      source?.close();
    };
  }, [sessionId]);
  return { snap, connected };
}

function PerMinute({ buckets }: { buckets: Snapshot['perMinute'] }) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const w = 8;
  return (
    <svg
      className="sparkbars"
      viewBox={`0 0 ${buckets.length * w} 60`}
      role="img"
      aria-label={`Arrivals per minute, last ${buckets.length} minutes; latest minute ${buckets.at(-1)?.count ?? 0}`}
    >
      {buckets.map((b, i) => (
        <rect
          key={b.minute}
          x={i * w + 1}
          y={60 - (b.count / max) * 58}
          width={w - 2}
          height={(b.count / max) * 58}
          rx="1.5"
        >
          <title>
            {timeIn(b.minute)}: {b.count}
          </title>
        </rect>
      ))}
    </svg>
  );
}

export function LiveScreen({ sessionId }: { sessionId: string }) {
  const { snap, connected } = useLive(sessionId);
  const departures = useSession((s) => Boolean(s.login?.organization.settings.recordDepartures));
  if (!snap)
    return (
      <main className="screen">
        <h1>Live arrivals</h1>
        <p>Connecting…</p>
      </main>
    );
  return (
    <main className="screen wide-screen">
      <h1>
        {snap.session.name} <span className="muted">· live</span>
      </h1>
      <p className="muted" role="status">
        {connected ? 'Live' : 'Reconnecting…'} · updated {timeIn(snap.generatedAt)}
      </p>
      <section className="card live-head">
        <div>
          <span className="label">Here</span>
          <strong className="huge" data-testid="live-headcount">
            {snap.headcount}
          </strong>
          <span className="muted"> of {snap.expected} expected</span>
        </div>
        {(departures || Boolean(snap.left)) && (
          <div data-testid="live-still-in">
            <span className="label">Still in</span>
            <strong className="huge">{snap.stillIn ?? snap.headcount}</strong>
            <span className="muted"> · left {snap.left ?? 0}</span>
          </div>
        )}
        <ul className="state-counts">
          {snap.byState.map((s) => (
            <li key={s.code}>
              <span className="swatch" style={{ background: s.color }} />
              {s.label} <strong>{s.count}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>Arrivals per minute</h2>
        <PerMinute buckets={snap.perMinute} />
      </section>
      <section className="card">
        <h2>Latest check-ins</h2>
        <ul className="plain-list" data-testid="live-latest">
          {snap.latest.map((r) => (
            <li key={r.participantId}>
              <strong>{r.name}</strong> · {r.state ?? 'cleared'} · {r.method} ·{' '}
              {timeIn(r.recordedAt)} by {r.userName ?? '?'}
              {r.leftAt && <span className="tag">left {timeIn(r.leftAt)}</span>}
              {r.hasConflict && <span className="tag warn">conflict</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>Devices contributing</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Device</th>
              <th>Usher</th>
              <th>Records</th>
              <th title="Changes the device still had to send after its last sync">Pending</th>
              <th>Last sync</th>
            </tr>
          </thead>
          <tbody>
            {snap.devices.map((d) => (
              <tr key={d.id}>
                <td>{d.name ?? d.id.slice(-8)}</td>
                <td>{d.userName}</td>
                <td>{d.records}</td>
                <td
                  data-testid={`live-pending-${d.id}`}
                  title={
                    d.pendingCount === null
                      ? 'This device has not reported its queue'
                      : `Still on the device after its sync ${ago(d.lastSyncAt)}`
                  }
                >
                  {d.pendingCount ?? '—'}
                </td>
                <td title={when(d.lastSyncAt)}>{ago(d.lastSyncAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
