// The admin's queue: both versions side by side; keep A, keep B, or another state, one or many.
import type { Conflict } from '@rollcall/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, engine } from '../../app-context.ts';

type Choice = { choice: 'keep_a' | 'keep_b' } | { choice: 'state'; state: string };

function Version({ label, v }: { label: string; v: Conflict['versionA'] }) {
  return (
    <div className="version">
      <h3>{label}: <span className="state">{v.state ?? 'cleared'}</span></h3>
      <dl>
        <dt>By</dt><dd>{v.userName ?? v.userId}</dd>
        <dt>Device</dt><dd>{v.deviceName ?? v.deviceId.slice(-8)}</dd>
        <dt>How</dt><dd>{v.method}</dd>
        <dt>Device time</dt><dd>{new Date(v.recordedAt).toLocaleString()}</dd>
        <dt>Had seen</dt><dd>version {v.baseVersion}</dd>
      </dl>
    </div>
  );
}

export function ConflictsScreen() {
  const [items, setItems] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: Conflict[] }>('/api/v1/conflicts?status=open&limit=200')).items);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const resolve = async (ids: string[], c: Choice) => {
    if (ids.length === 1) await api.post(`/api/v1/conflicts/${ids[0]}/resolve`, c);
    else {
      const preview = await api.post<{ count: number }>('/api/v1/conflicts/bulk-resolve', { ids, resolution: c, preview: true });
      if (!window.confirm(`Resolve ${preview.count} conflicts with this choice?`)) return;
      await api.post('/api/v1/conflicts/bulk-resolve', { ids, resolution: c });
    }
    setSelected(new Set());
    await load();
    void engine.syncNow();
  };

  if (error) return <main className="screen"><h1>Conflicts</h1><p className="error-text" role="alert">{error}</p></main>;
  if (!items) return <main className="screen"><h1>Conflicts</h1><p>Loading…</p></main>;
  return (
    <main className="screen">
      <h1>Conflicts <span className="muted">({items.length} open)</span></h1>
      {items.length === 0 && <p className="muted">Nothing to resolve.</p>}
      {selected.size > 0 && (
        <div className="row card">
          <span className="grow">{selected.size} selected</span>
          <button type="button" className="secondary" onClick={() => void resolve([...selected], { choice: 'keep_a' })}>Keep A for all</button>
          <button type="button" className="secondary" onClick={() => void resolve([...selected], { choice: 'keep_b' })}>Keep B for all</button>
        </div>
      )}
      <ul className="conflict-list">
        {items.map((c) => (
          <li key={c.id} className="card" data-testid={`conflict-${c.id}`}>
            <label className="row">
              <input type="checkbox" checked={selected.has(c.id)} onChange={(e) => setSelected((s) => { const n = new Set(s); if (e.target.checked) n.add(c.id); else n.delete(c.id); return n; })} />
              <strong className="grow">{c.participantName}</strong>
              <span className="muted">{c.sessionName}</span>
            </label>
            <div className="versions">
              <Version label="A" v={c.versionA} />
              <Version label="B" v={c.versionB} />
            </div>
            <p className="muted">{c.explanation}</p>
            <div className="row">
              <button type="button" className="primary" onClick={() => void resolve([c.id], { choice: 'keep_a' })}>Keep A</button>
              <button type="button" className="primary" onClick={() => void resolve([c.id], { choice: 'keep_b' })}>Keep B</button>
              <button type="button" className="secondary" onClick={() => void resolve([c.id], { choice: 'state', state: 'excused' })}>Excused</button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
