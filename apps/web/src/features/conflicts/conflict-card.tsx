// One conflict: both versions side by side, what each side had seen, earlier resolutions for the
// same participant, and the decision (keep A, keep B, or another state, with an optional note).
import type { Conflict, PresenceState } from '@rollcall/shared';
import { useState } from 'react';
import { api } from '../../app-context.ts';
import { when } from '../../lib/use-remote.ts';

export type Choice = { choice: 'keep_a' | 'keep_b' } | { choice: 'state'; state: string };
interface Earlier {
  id: string;
  sessionId: string;
  choice: string | null;
  state: string | null;
  resolvedAt: string | null;
}

function Version({
  label,
  v,
  current,
}: {
  label: string;
  v: Conflict['versionA'];
  current: boolean;
}) {
  return (
    <div className={`version${current ? ' current' : ''}`}>
      <h3>
        {label}: <span className="state">{v.state ?? 'cleared'}</span>
        {current && <span className="tag">on record</span>}
      </h3>
      <dl>
        <dt>Usher</dt>
        <dd>{v.userName ?? v.userId}</dd>
        <dt>Device</dt>
        <dd>{v.deviceName ?? v.deviceId.slice(-8)}</dd>
        <dt>How</dt>
        <dd>{v.method}</dd>
        <dt>Device time</dt>
        <dd>{when(v.recordedAt)}</dd>
        <dt>Server time</dt>
        <dd>{when(v.receivedAt)}</dd>
        <dt>Had seen</dt>
        <dd>{v.baseVersion === 0 ? 'nothing recorded yet' : `version ${v.baseVersion}`}</dd>
      </dl>
    </div>
  );
}

interface Props {
  c: Conflict;
  states: PresenceState[];
  selected: boolean;
  onSelect(on: boolean): void;
  onResolve(c: Choice, note: string): Promise<void>;
}

export function ConflictCard({ c, states, selected, onSelect, onResolve }: Props) {
  const [other, setOther] = useState('');
  const [note, setNote] = useState('');
  const [earlier, setEarlier] = useState<Earlier[] | null>(null);
  const open = c.status === 'open';
  const showEarlier = async () =>
    setEarlier(
      (await api.get<{ earlierResolutions: Earlier[] }>(`/api/v1/conflicts/${c.id}`))
        .earlierResolutions,
    );
  return (
    <li
      className="card"
      data-testid={`conflict-${c.id}`}
      aria-label={`Conflict for ${c.participantName}`}
    >
      <div className="row">
        {open && (
          <input
            type="checkbox"
            className="check"
            aria-label={`Select ${c.participantName}`}
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
          />
        )}
        <strong className="grow">{c.participantName}</strong>
        <span className="muted">
          {c.sessionName} · {when(c.createdAt)}
        </span>
      </div>
      <div className="versions">
        <Version label="A" v={c.versionA} current={false} />
        <Version label="B" v={c.versionB} current={false} />
      </div>
      <p className="muted">{c.explanation}</p>
      {c.resolution && (
        <p className="resolved" role="status">
          Resolved: <strong>{c.resolution.state ?? 'cleared'}</strong> (
          {c.resolution.choice.replace('_', ' ')}) by {c.resolution.resolvedBy ?? 'a rule'} on{' '}
          {when(c.resolution.resolvedAt)}
          {c.resolution.note ? ` — “${c.resolution.note}”` : ''}
        </p>
      )}
      {earlier === null ? (
        <button type="button" className="link" onClick={() => void showEarlier()}>
          Earlier resolutions for {c.participantName}
        </button>
      ) : (
        <p className="muted">
          {earlier.length === 0
            ? 'No earlier resolutions for this participant.'
            : earlier
                .map((e) => `${e.state ?? '?'} (${e.choice ?? e.state}) on ${when(e.resolvedAt)}`)
                .join('; ')}
        </p>
      )}
      {open && (
        <>
          <label>
            <span className="label">Note (optional)</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </label>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => void onResolve({ choice: 'keep_a' }, note)}
            >
              Keep A ({c.versionA.state ?? 'cleared'})
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void onResolve({ choice: 'keep_b' }, note)}
            >
              Keep B ({c.versionB.state ?? 'cleared'})
            </button>
            <select
              aria-label="Another state"
              value={other}
              onChange={(e) => setOther(e.target.value)}
            >
              <option value="">Another state…</option>
              {states.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="secondary"
              disabled={!other}
              onClick={() => void onResolve({ choice: 'state', state: other }, note)}
            >
              Set
            </button>
          </div>
        </>
      )}
    </li>
  );
}
