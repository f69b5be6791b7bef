// Check-in stations: the PIN that unlocks a locked station (door or kiosk) and what a locked door
// shows. The PIN goes to the server once; devices get only its salted verifier with the settings.
import type { Organization } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../app-context.ts';
import { attempt } from '../../lib/use-remote.ts';

export function StationCard({ org, onSaved }: { org: Organization; onSaved(): Promise<void> }) {
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const s = org.settings;
  // The boxes answer the tap at once; a refused save puts them back.
  const [roster, setRoster] = useState(s.stationShowsRoster);
  const [markAll, setMarkAll] = useState(s.stationAllowsMarkAll);
  const save = async (body: object, done: string) => {
    setSaid(null);
    const ok = await attempt(() => api.patch('/api/v1/organization', body), setProblem);
    if (ok) {
      setProblem(null);
      setSaid(done);
      setPin('');
      await onSaved();
    }
    return ok;
  };
  const toggle = async (
    key: 'stationShowsRoster' | 'stationAllowsMarkAll',
    value: boolean,
    set: (v: boolean) => void,
  ) => {
    set(value);
    if (!(await save({ settings: { [key]: value } }, 'Saved.'))) set(!value);
  };
  const setIt = (e: FormEvent) => {
    e.preventDefault();
    void save({ stationPin: pin }, 'PIN saved. Stations pick it up on their next sync.');
  };
  return (
    <section className="card" aria-label="Check-in stations">
      <h2>Check-in stations</h2>
      <p className="muted">
        A device locked as a station (a door or a self check-in kiosk) is left only with this PIN.
        It keeps a curious guest out; it is not a password: anyone who takes the device apart can
        find it.
      </p>
      <p data-testid="station-pin-state">
        {s.stationPin ? 'A station PIN is set.' : 'No station PIN: anyone can unlock a station.'}
      </p>
      <form className="row" aria-label="Station PIN" onSubmit={setIt}>
        <label className="grow">
          <span className="label">New station PIN (4 to 6 digits)</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            pattern="[0-9]{4,6}"
            maxLength={6}
            required
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          Set PIN
        </button>
        {s.stationPin && (
          <button
            type="button"
            className="secondary"
            onClick={() => void save({ stationPin: null }, 'PIN removed.')}
          >
            Remove PIN
          </button>
        )}
      </form>
      <label className="check-label">
        <input
          type="checkbox"
          checked={roster}
          onChange={(e) => void toggle('stationShowsRoster', e.target.checked, setRoster)}
        />{' '}
        A locked door station shows the roster
      </label>
      <label className="check-label">
        <input
          type="checkbox"
          checked={markAll}
          disabled={!roster}
          onChange={(e) => void toggle('stationAllowsMarkAll', e.target.checked, setMarkAll)}
        />{' '}
        …and offers “Mark all present”
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {said && <p role="status">{said}</p>}
    </section>
  );
}
