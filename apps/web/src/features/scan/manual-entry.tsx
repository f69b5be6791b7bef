import type { Participant, PresenceState } from '@rollcall/shared';
import { useRef, useState } from 'react';
import { db } from '../../app-context.ts';
import type { LocalRecord } from '../../db/db.ts';
import { displayName, searchByName } from './lookup.ts';
import type { CheckInOutcome } from './use-check-in.ts';
import { timeIn } from '../../lib/zone-format.ts';
import { useT } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';

const PERSONAL_CODE = /^\d{5}$/;
/**
 * How long the fifth digit waits before submitting: longer than the keyboard wedge's gap (150 ms),
 * so a barcode scanner typing a code into this box has ended its burst with Enter (and the wedge
 * has taken it) before the box would submit it a second time. A thumb does not notice.
 */
const SETTLE_MS = 250;

/**
 * A personal code submits itself at its fifth digit (the iPhone number pad has no Enter), unless a
 * longer external key starts with those digits. A code that matched no one stays in the box to be
 * corrected; a check-in empties it for the next person.
 */
export function CodeEntry({
  onSubmit,
  verb,
}: {
  onSubmit: (text: string) => Promise<CheckInOutcome>;
  /** What the button says: "Check out" while the door checks people out ("Check in" if not given). */
  verb?: string;
}) {
  const t = useT('scan');
  const [value, setValue] = useState('');
  const current = useRef('');
  // Each edit has a number; a value already submitted (by the button) is not auto-submitted again.
  const edit = useRef(0);
  const submitted = useRef(-1);
  const autoAt = useRef(0);
  const inFlight = useRef<string | null>(null);
  const change = (v: string) => {
    current.current = v;
    edit.current += 1;
    setValue(v);
  };
  const submit = async (v: string) => {
    if (!v.trim() || inFlight.current === v) return;
    inFlight.current = v;
    submitted.current = edit.current;
    const outcome = await onSubmit(v).finally(() => (inFlight.current = null));
    if (current.current !== v) return; // typed on meanwhile: leave it alone
    // A code that matched no one stays, cursor at its end, to be corrected with a backspace.
    if (outcome === 'recorded' || outcome === 'already') change('');
  };
  const onChange = async (v: string) => {
    change(v);
    const mine = edit.current;
    if (!PERSONAL_CODE.test(v.trim())) return;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    if (edit.current !== mine || submitted.current === mine) return;
    const longer = await db.participants
      .where('externalKey')
      .startsWith(v.trim())
      .filter((p) => p.externalKey !== v.trim())
      .count();
    if (longer === 0 && edit.current === mine && submitted.current !== mine) {
      autoAt.current = Date.now();
      await submit(v);
    }
  };
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        // A reflex tap on "Check in" just after the box submitted itself repeats nothing; a tap
        // later (to try again after "not saved") does.
        if (submitted.current === edit.current && Date.now() - autoAt.current < 1500) return;
        void submit(current.current);
      }}
    >
      <label className="grow">
        <span className="label">{t('codeLabel')}</span>
        <input
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="go"
          placeholder={t('codePlaceholder')}
          value={value}
          onChange={(e) => void onChange(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {verb ?? t('checkIn')}
      </button>
    </form>
  );
}

const hhmm = (iso: string) => timeIn(iso);

export function NameSearch({
  onPick,
  records,
  states,
}: {
  onPick: (p: Participant) => void;
  records: LocalRecord[];
  states: PresenceState[];
}) {
  const t = useT('scan');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Participant[]>([]);
  const byPerson = new Map(records.map((r) => [r.participantId, r]));
  const label = (code: string) => {
    const state = states.find((s) => s.code === code);
    return state ? stateLabel(state) : code;
  };
  const update = async (q: string) => {
    setQuery(q);
    setResults(await searchByName(db, q));
  };
  return (
    <div className="search">
      <label>
        <span className="label">{t('searchLabel')}</span>
        <input
          type="search"
          autoComplete="off"
          placeholder={t('searchPlaceholder')}
          value={query}
          onChange={(e) => void update(e.target.value)}
        />
      </label>
      {results.length > 0 && (
        <ul className="results" aria-label={t('matching')}>
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
                  <span translate="no">{displayName(p)}</span>{' '}
                  <span className="muted">{p.personalCode}</span>
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
