// One conflict: both versions side by side, what each side had seen, earlier resolutions for the
// same participant, and the decision (keep A, keep B, or another state, with an optional note).
import type { Conflict, EarlierResolution as Earlier, PresenceState } from '@rollcall/shared';
import { useState } from 'react';
import { client } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';
import { explanation, keepLabel, methodLabel } from './readable.ts';

export type Choice = { choice: 'keep_a' | 'keep_b' } | { choice: 'state'; state: string };

function Version({ v, fmt }: { v: Conflict['versionA']; fmt: Fmt }) {
  const t = useT('conflicts');
  return (
    <div className="version">
      <h3>
        <span className="state">{fmt.state(v.state)}</span>
      </h3>
      <dl>
        <dt>{t('usher')}</dt>
        {v.userName ? <dd translate="no">{v.userName}</dd> : <dd>{t('unknownUsher')}</dd>}
        <dt>{t('device')}</dt>
        <dd translate="no">{v.deviceName ?? `…${v.deviceId.slice(-8)}`}</dd>
        <dt>{t('how')}</dt>
        <dd>{methodLabel(v.method)}</dd>
        <dt>{t('recorded')}</dt>
        <dd>{fmt.time(v.recordedAt)}</dd>
        <dt>{t('received')}</dt>
        <dd>{fmt.time(v.receivedAt)}</dd>
        <dt>{t('hadSeen')}</dt>
        <dd>{v.baseVersion === 0 ? t('nothingYet') : t('version', { n: v.baseVersion })}</dd>
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
  const t = useT('conflicts');
  const open = c.status === 'open';
  const showEarlier = async () => setEarlier((await client.conflicts.get(c.id)).earlierResolutions);
  return (
    <li
      className="card"
      data-testid={`conflict-${c.id}`}
      aria-label={t('conflictFor', { name: c.participantName })}
    >
      <div className="row">
        {open && canResolve && (
          <input
            type="checkbox"
            className="check"
            aria-label={t('select', { name: c.participantName })}
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
          />
        )}
        <strong className="grow" translate="no">
          {c.participantName}
        </strong>
        <span className="muted">
          <span translate="no">{c.sessionName}</span> · {fmt.time(c.createdAt)}
        </span>
      </div>
      <div className="versions">
        <Version v={c.versionA} fmt={fmt} />
        <Version v={c.versionB} fmt={fmt} />
      </div>
      <p className="muted">{explanation(c, fmt)}</p>
      {c.resolution && (
        <p className="resolved" role="status">
          {t(c.resolution.note ? 'resolvedNote' : 'resolved', {
            state: fmt.state(c.resolution.state),
            by: c.resolution.resolvedBy ?? t('aRule'),
            time: fmt.time(c.resolution.resolvedAt),
            note: c.resolution.note,
          })}
        </p>
      )}
      {earlier === null ? (
        <button type="button" className="link" onClick={() => void showEarlier()}>
          {t('earlierFor', { name: c.participantName })}
        </button>
      ) : (
        <p className="muted">
          {earlier.length === 0
            ? t('noEarlier')
            : earlier
                .map((e) =>
                  t('earlierOne', { state: fmt.state(e.state), time: fmt.time(e.resolvedAt) }),
                )
                .join('; ')}
        </p>
      )}
      {open && !canResolve && <p className="muted">{t('onlyAdmin')}</p>}
      {open && canResolve && (
        <>
          <label>
            <span className="label">{t('note')}</span>
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
              aria-label={t('anotherState')}
              value={other}
              onChange={(e) => setOther(e.target.value)}
            >
              <option value="">{t('anotherStateOption')}</option>
              {states.map((s) => (
                <option key={s.code} value={s.code}>
                  {stateLabel(s)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="secondary"
              disabled={!other}
              onClick={() => void onResolve({ choice: 'state', state: other }, note)}
            >
              {t('set')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
