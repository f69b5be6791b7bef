// The self check-in kiosk: a locked station where people check themselves in by holding up their
// badge or typing their code. It greets them by first name and says nothing about anyone else (no
// roster, no name search, no usher names), then clears itself for the next person. It records like
// the door (method `self`), offline too, and is left only with the admin's station PIN.
import type { Participant } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { db } from '../../app-context.ts';
import { assignmentBlock, useSession } from '../auth/session-store.ts';
import { signal, type FeedbackKind } from '../scan/feedback.ts';
import { initials, lookupScan } from '../scan/lookup.ts';
import { CodeEntry } from '../scan/manual-entry.tsx';
import { useCheckIn, type CheckInOutcome } from '../scan/use-check-in.ts';
import { useKeyboardWedge } from '../scan/use-keyboard-wedge.ts';
import { useOrgSettings } from './station-lock.ts';
import { UnlockPanel, useStationLeave } from './unlock-panel.tsx';
import { CameraScan } from '../scan/camera-scan.tsx';
import { useT } from '../../i18n/i18n.ts';

/** Long enough to read a greeting from a step away; short enough that the next person is not kept. */
const RESET_MS = 6000;

interface Message {
  kind: FeedbackKind;
  title: string;
  detail: string;
  initials?: string;
  at: number;
}

const firstName = (p: Participant) => p.preferredName?.trim() || p.firstName;

export function KioskScreen({ sessionId }: { sessionId: string }) {
  const login = useSession((s) => s.login);
  const session = useLiveQuery(() => db.sessions.get(sessionId), [sessionId]);
  const settings = useOrgSettings();
  const t = useT('kiosk');
  const { checkIn } = useCheckIn(session, settings?.lateAfterMinutes ?? 10);
  const [message, setMessage] = useState<Message | null>(null);
  // Each reset remounts the code box, so a half-typed or wrong code goes with the message.
  const [round, setRound] = useState(0);
  const [asking, setAsking] = useState(false);
  const leave = useStationLeave(() => setAsking(true));
  const blocked = assignmentBlock(login, Date.now());

  const show = useCallback((m: Omit<Message, 'at'>) => setMessage({ ...m, at: Date.now() }), []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => {
      setMessage(null);
      setRound((r) => r + 1);
    }, RESET_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const handleText = useCallback(
    async (text: string): Promise<CheckInOutcome> => {
      if (!login) return 'refused';
      const found = await lookupScan(db, text, login.organization.id);
      if (!found.ok) {
        signal('wrong');
        show({
          kind: 'wrong',
          title: t('notFound'),
          detail: t('notFoundDetail'),
        });
        return 'refused';
      }
      const p = found.participant;
      const outcome = await checkIn(p, 'self');
      if (outcome === 'recorded' || outcome === 'already')
        show({
          kind: outcome === 'recorded' ? 'ok' : 'already',
          title: t('welcomeBack', { name: firstName(p) }),
          detail: t(outcome === 'recorded' ? 'youAreIn' : 'youWereIn'),
          initials: initials(p),
        });
      else
        show({
          kind: 'error',
          title: t('notCheckedIn'),
          detail: t('somethingWrong'),
        });
      return outcome;
    },
    [login, checkIn, show, t],
  );
  const onWedge = useCallback((text: string) => void handleText(text), [handleText]);
  useKeyboardWedge(onWedge, !blocked && !asking);

  if (!session)
    return (
      <main className="screen">
        <p>{t('loading')}</p>
      </main>
    );
  return (
    <main className="screen kiosk">
      <h1>{t('welcomeTo', { name: session.name })}</h1>
      <div
        className={`feedback kiosk-message ${message?.kind ?? 'idle'}`}
        role="status"
        aria-live="assertive"
        data-testid="kiosk-message"
        data-kind={message?.kind ?? 'idle'}
        key={message?.at}
      >
        {message?.initials && (
          <span className="avatar" aria-hidden="true" translate="no">
            {message.initials}
          </span>
        )}
        <span className="words">
          <strong>{message?.title ?? t('checkYourselfIn')}</strong>
          <span className="detail">
            {message?.detail ?? (blocked ? t('closed') : t('idleHint'))}
          </span>
        </span>
      </div>
      {!blocked && (
        <section className="ways" aria-label={t('checkYourselfIn')}>
          <CameraScan
            onScan={(text) => void handleText(text)}
            labels={[t('scanMyBadge'), t('stopCamera')]}
          />
          <CodeEntry key={round} onSubmit={handleText} />
        </section>
      )}
      <footer className="kiosk-staff">
        {asking ? (
          <UnlockPanel onCancel={() => setAsking(false)} />
        ) : (
          <button type="button" className="link" onClick={leave}>
            {t('staffUnlock')}
          </button>
        )}
      </footer>
    </main>
  );
}
