// Leaving a locked station: the admin's PIN, checked on the device (offline too). A wrong PIN says
// so and makes the next try wait a little longer; the wait survives a reload.
import { useEffect, useState, type FormEvent } from 'react';
import { db } from '../../app-context.ts';
import { getMeta } from '../../db/meta.ts';
import { pinWaitLeft } from './pin-delay.ts';
import { tryStationPin, unlockStation, useOrgSettings } from './station-lock.ts';
import { useT } from '../../i18n/i18n.ts';

/** Whole seconds, rounded up: a wait never reads "0 seconds" while it still runs. */
const seconds = (ms: number) => Math.ceil(ms / 1000);

/** Whether leaving needs the PIN; without one set, a confirmation is all that stands in the way. */
export function useStationLeave(onAskPin: () => void) {
  const settings = useOrgSettings();
  const t = useT('kiosk');
  return () => {
    if (settings?.stationPin) onAskPin();
    else if (window.confirm(t('confirmNoPin'))) void unlockStation();
  };
}

export function UnlockPanel({ onCancel }: { onCancel(): void }) {
  const settings = useOrgSettings();
  const t = useT('kiosk');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    void getMeta(db, 'stationPinFailures').then((f) => {
      const left = pinWaitLeft(f, Date.now());
      if (left > 0) {
        setNow(Date.now());
        setWaitUntil(Date.now() + left);
      }
    });
  }, []);
  // Ticks only while a wait runs, so the button comes back by itself.
  useEffect(() => {
    if (waitUntil <= now) return;
    const t = setTimeout(() => setNow(Date.now()), Math.min(250, waitUntil - now));
    return () => clearTimeout(t);
  }, [waitUntil, now]);
  const waiting = waitUntil > now;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await tryStationPin(pin, settings);
    if (result.ok) return;
    setPin('');
    setWaitUntil(Date.now() + result.waitMs);
    setNow(Date.now());
    setProblem(t(result.wrong ? 'wrongPin' : 'tooMany', { count: seconds(result.waitMs) }));
  };
  return (
    <form
      className="card unlock-panel"
      aria-label={t('unlockStation')}
      onSubmit={(e) => void submit(e)}
    >
      <label>
        <span className="label">{t('stationPin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="[0-9]{4,6}"
          maxLength={6}
          required
          autoFocus
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={waiting}>
          {waiting ? t('wait', { count: seconds(waitUntil - now) }) : t('unlockButton')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
