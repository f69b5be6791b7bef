// The door screen's station controls: lock the device to this session (as the usher's door or as a
// self check-in kiosk), or, once locked, leave with the admin's PIN.
import { useState } from 'react';
import { useSession } from '../auth/session-store.ts';
import { lockStation } from './station-lock.ts';
import { UnlockPanel, useStationLeave } from './unlock-panel.tsx';

export function StationToggle({ sessionId, onBack }: { sessionId: string; onBack(): void }) {
  const station = useSession((s) => s.station);
  const [asking, setAsking] = useState(false);
  const leave = useStationLeave(() => setAsking(true));
  if (station === sessionId)
    return (
      <>
        <div className="row">
          <span className="tag">Station locked to this session</span>
          {!asking && (
            <button type="button" className="link" onClick={leave}>
              Unlock
            </button>
          )}
        </div>
        {asking && <UnlockPanel onCancel={() => setAsking(false)} />}
      </>
    );
  return (
    <div className="row">
      <button type="button" className="link" onClick={onBack}>
        ← Sessions
      </button>
      <button type="button" className="link" onClick={() => void lockStation(sessionId, 'door')}>
        Lock as a station
      </button>
      <button type="button" className="link" onClick={() => void lockStation(sessionId, 'kiosk')}>
        Start self check-in kiosk
      </button>
    </div>
  );
}
