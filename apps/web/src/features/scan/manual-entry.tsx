import type { Participant } from '@rollcall/shared';
import { useState } from 'react';
import { db } from '../../app-context.ts';
import { displayName, searchByName } from './lookup.ts';

export function CodeEntry({ onSubmit }: { onSubmit: (text: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSubmit(value);
        setValue('');
      }}
    >
      <label className="grow">
        <span className="label">Personal code or key</span>
        <input
          inputMode="numeric"
          autoComplete="off"
          placeholder="12345 or 24-001"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        Check in
      </button>
    </form>
  );
}

export function NameSearch({ onPick }: { onPick: (p: Participant) => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Participant[]>([]);
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
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(p);
                  setQuery('');
                  setResults([]);
                }}
              >
                {displayName(p)} <span className="muted">{p.personalCode}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
