// One conflict: both versions side by side, what each side had seen, earlier resolutions for the
// same participant, and the decision (keep A, keep B, or another state, with an optional note).
import type { Conflict, EarlierResolution as Earlier, PresenceState } from '@rollcall/shared';
import { useState } from 'react';
import { api } from '../../app-context.ts';
import { keepLabel, methodLabel } from './readable.ts';

export type Choice = { choice: 'keep_a' | 'keep_b' } | { choice: 'state'; state: string };

function Version({ v, fmt }: { v: Conflict['versionA']; fmt: Fmt }) {
  return (
    <div className="version">
      <h3>
        <span className="state">{fmt.state(v.state)}</span>
      </h3>
      <dl>
        <dt>Usher</dt>
        <dd>{v.userName ?? 'Unknown usher'}</dd>
        <dt>Device</dt>
        <dd>{v.deviceName ?? `…${v.deviceId.slice(-8)}`}</dd>
        <dt>How</dt>
        <dd>{methodLabel(v.method)}</dd>
        <dt>Recorded (device clock)</dt>
        <dd>{fmt.time(v.recordedAt)}</dd>
        <dt>Reached the server</dt>
        <dd>{fmt.time(v.receivedAt)}</dd>
        <dt>Had seen</dt>
        <dd>{v.baseVersion === 0 ? 'nothing recorded yet' : `version ${v.baseVersion}`}</dd>
      </dl>
    </div>
  );
}

/** How this screen writes states and times (one zone for every time on it). */
export interface Fmt {
  state(code: string | null): string;
  time(iso: string | null | undefined): string;
  zone: string;
}

interface Props {
  c: Conflict;
  states: PresenceState[];
  fmt: Fmt;
  /** Managers read the queue; only admins decide, so they get no buttons that would fail. */
  canResolve: boolean;
  selected: boolean;
  onSelect(on: boolean): void;
  onResolve(c: Choice, note: string): Promise<void>;
}

export function ConflictCard({ c, states, fmt, canResolve, selected, onSelect, onResolve }: Props) {
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
        {open && canResolve && (
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
          {c.sessionName} · {fmt.time(c.createdAt)}
        </span>
      </div>
      <div className="versions">
        <Version v={c.versionA} fmt={fmt} />
        <Version v={c.versionB} fmt={fmt} />
      </div>
      <p className="muted">{c.explanation}</p>
      {c.resolution && (
        <p className="resolved" role="status">
          Resolved: <strong>{fmt.state(c.resolution.state)}</strong> by{' '}
          {c.resolution.resolvedBy ?? 'a rule'} on {fmt.time(c.resolution.resolvedAt)}
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
            : earlier.map((e) => `${fmt.state(e.state)} on ${fmt.time(e.resolvedAt)}`).join('; ')}
        </p>
      )}
      {open && !canResolve && <p className="muted">Only an admin can resolve conflicts.</p>}
      {open && canResolve && (
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
              {keepLabel(c.versionA, fmt.zone)}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void onResolve({ choice: 'keep_b' }, note)}
            >
              {keepLabel(c.versionB, fmt.zone)}
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
