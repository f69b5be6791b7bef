import type { Participant, PresenceState } from '@rollcall/shared';
import { useRef, useState } from 'react';
import { db } from '../../app-context.ts';
import type { LocalRecord } from '../../db/db.ts';
import { displayName, searchByName } from './lookup.ts';
import type { CheckInOutcome } from './use-check-in.ts';

const PERSONAL_CODE = /^\d{5}$/;

/**
 * A personal code submits itself at its fifth digit (the iPhone number pad has no Enter), unless a
 * longer external key starts with those digits. A code that matched no one stays in the box,
 * selected, to be corrected; a check-in empties it for the next person.
 */
export function CodeEntry({ onSubmit }: { onSubmit: (text: string) => Promise<CheckInOutcome> }) {
  const [value, setValue] = useState('');
  const current = useRef('');
  const inFlight = useRef<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const change = (v: string) => {
    current.current = v;
    setValue(v);
  };
  const submit = async (v: string) => {
    if (!v.trim() || inFlight.current === v) return;
    inFlight.current = v;
    const outcome = await onSubmit(v).finally(() => (inFlight.current = null));
    if (current.current !== v) return; // typed on meanwhile: leave it alone
    if (outcome === 'recorded' || outcome === 'already') change('');
    else input.current?.select();
  };
  const onChange = async (v: string) => {
    change(v);
    if (!PERSONAL_CODE.test(v.trim())) return;
    const longer = await db.participants
      .where('externalKey')
      .startsWith(v.trim())
      .filter((p) => p.externalKey !== v.trim())
      .count();
    if (longer === 0 && current.current === v) await submit(v);
  };
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(current.current);
      }}
    >
      <label className="grow">
        <span className="label">Personal code or key</span>
        <input
          ref={input}
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="go"
          placeholder="12345 or 24-001"
          value={value}
          onChange={(e) => void onChange(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        Check in
      </button>
    </form>
  );
}

const hhmm = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

export function NameSearch({
  onPick,
  records,
  states,
}: {
  onPick: (p: Participant) => void;
  records: LocalRecord[];
  states: PresenceState[];
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Participant[]>([]);
  const byPerson = new Map(records.map((r) => [r.participantId, r]));
  const label = (code: string) => states.find((s) => s.code === code)?.label ?? code;
  const update = async (q: string) => {
    setQuery(q);
    setResults(await searchByName(db, q));
  };
  return (
    <div className="search">
      <label>
        <span className="label">Search by name</span>
        <input
          type="search"
          autoComplete="off"
          placeholder="Type two letters…"
          value={query}
          onChange={(e) => void update(e.target.value)}
        />
      </label>
      {results.length > 0 && (
        <ul className="results" aria-label="Matching people">
          {results.map((p) => {
            const r = byPerson.get(p.id);
            return (
              <li key={p.id} className={r?.state ? 'is-in' : undefined} data-state={r?.state ?? ''}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(p);
                    setQuery('');
                    setResults([]);
                  }}
                >
                  {displayName(p)} <span className="muted">{p.personalCode}</span>
                  {r?.state && (
                    <span className="tag in" data-testid="already-in">
                      {label(r.state)} {hhmm(r.recordedAt)}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
