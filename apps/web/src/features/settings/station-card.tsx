// Check-in stations: the PIN that unlocks a locked station (door or kiosk) and what a locked door
// shows. The PIN goes to the server once; devices get only its salted verifier with the settings.
import type { Organization } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { client } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { attempt } from '../../lib/use-remote.ts';

export function StationCard({ org, onSaved }: { org: Organization; onSaved(): Promise<void> }) {
  const t = useT('settings');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const s = org.settings;
  // The boxes answer the tap at once; a refused save puts them back.
  const [roster, setRoster] = useState(s.stationShowsRoster);
  const [markAll, setMarkAll] = useState(s.stationAllowsMarkAll);
  const save = async (body: object, done: string) => {
    setSaid(null);
    const ok = await attempt(() => client.organization.update(body), setProblem);
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
    if (!(await save({ settings: { [key]: value } }, t('saved')))) set(!value);
  };
  const setIt = (e: FormEvent) => {
    e.preventDefault();
    void save({ stationPin: pin }, t('pinSaved'));
  };
  return (
    <section className="card" aria-label={t('stations')}>
      <h2>{t('stations')}</h2>
      <p className="muted">{t('stationsHelp')}</p>
      <p data-testid="station-pin-state">{s.stationPin ? t('pinSet') : t('pinNone')}</p>
      <form className="row" aria-label={t('pinForm')} onSubmit={setIt}>
        <label className="grow">
          <span className="label">{t('newPin')}</span>
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
          {t('setPin')}
        </button>
        {s.stationPin && (
          <button
            type="button"
            className="secondary"
            onClick={() => void save({ stationPin: null }, t('pinRemoved'))}
          >
            {t('removePin')}
          </button>
        )}
      </form>
      <label className="check-label">
        <input
          type="checkbox"
          checked={roster}
          onChange={(e) => void toggle('stationShowsRoster', e.target.checked, setRoster)}
        />{' '}
        {t('showsRoster')}
      </label>
      <label className="check-label">
        <input
          type="checkbox"
          checked={markAll}
          disabled={!roster}
          onChange={(e) => void toggle('stationAllowsMarkAll', e.target.checked, setMarkAll)}
        />{' '}
        {t('offersMarkAll')}
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
