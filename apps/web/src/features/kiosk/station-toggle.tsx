// The door screen's station controls: lock the device to this session (as the usher's door or as a
// self check-in kiosk), or, once locked, leave with the admin's PIN.
import { useState } from 'react';
import { useSession } from '../auth/session-store.ts';
import { lockStation } from './station-lock.ts';
import { UnlockPanel, useStationLeave } from './unlock-panel.tsx';
import { useT } from '../../i18n/i18n.ts';

export function StationToggle({ sessionId, onBack }: { sessionId: string; onBack(): void }) {
  const station = useSession((s) => s.station);
  const t = useT('kiosk');
  const [asking, setAsking] = useState(false);
  const leave = useStationLeave(() => setAsking(true));
  if (station === sessionId)
    return (
      <>
        <div className="row">
          <span className="tag">{t('lockedTo')}</span>
          {!asking && (
            <button type="button" className="link" onClick={leave}>
              {t('unlock')}
            </button>
          )}
        </div>
        {asking && <UnlockPanel onCancel={() => setAsking(false)} />}
      </>
    );
  return (
    <div className="row">
      <button type="button" className="link" onClick={onBack}>
        {t('backToSessions')}
      </button>
      <button type="button" className="link" onClick={() => void lockStation(sessionId, 'door')}>
        {t('lockAsStation')}
      </button>
      <button type="button" className="link" onClick={() => void lockStation(sessionId, 'kiosk')}>
        {t('startKiosk')}
      </button>
    </div>
  );
}
