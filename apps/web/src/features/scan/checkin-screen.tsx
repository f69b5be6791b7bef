// The door: camera, typed code, name search and the roster on one screen.
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useMemo, useState } from 'react';
import { db } from '../../app-context.ts';
import { assignmentBlock, useSession } from '../auth/session-store.ts';
import { useCheckIn, type DoorMode, type Feedback, type UndoTarget } from './use-check-in.ts';
import { useKeyboardWedge } from './use-keyboard-wedge.ts';
import { CodeEntry, NameSearch } from './manual-entry.tsx';
import { Roster } from './roster.tsx';
import { blockedWords, useSyncStatus } from '../sync/status-bar.tsx';
import { QuickAdd } from './quick-add.tsx';
import { StationToggle } from '../kiosk/station-toggle.tsx';
import { useStationView } from '../kiosk/station-lock.ts';
import type { Participant } from '@rollcall/shared';
import { CameraScan } from './camera-scan.tsx';
import { useT } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';
import { countWith, populationOf, stillIn } from '../../db/session-counts.ts';
import { useCalmQuery } from '../../lib/calm-query.ts';
import { touchesRecordsOf } from '../../db/db.ts';

// What a scan does not change is memoized (with handlers that stay the same), so the render after
// each scan is the headcount, the name search and the one roster row it changed (issue 14's bench:
// re-rendering the whole screen after every scan put the next scan's lookup behind it).
const Toggle = memo(StationToggle);
const RECORDS_EVERY_MS = 100;
const Camera = memo(CameraScan);
const Code = memo(CodeEntry);
const Add = memo(QuickAdd);

export function CheckinScreen({ sessionId }: { sessionId: string }) {
  const login = useSession((s) => s.login);
  const go = useSession((s) => s.go);
  const session = useLiveQuery(() => db.sessions.get(sessionId), [sessionId]);
  const org = useLiveQuery(
    () => (login ? db.organizations.get(login.organization.id) : undefined),
    [login],
  );
  // The session's records, read again after writes but at most every 100 ms while they keep
  // coming: a scan after a calm shows at once, and the last write is always followed by a read.
  // Re-reading them (and re-rendering) after every write of a burst (scans back to back, a pull)
  // held each next scan's write behind that read in IndexedDB and its render on the main thread.
  // Only writes to this session's records wake it: a scan's counter and outbox entry, another
  // session's records (a pull, the other door) changed nothing shown here.
  const touches = useMemo(() => touchesRecordsOf(db, sessionId), [sessionId]);
  const records =
    useCalmQuery(() => db.records.where('sessionId').equals(sessionId).toArray(), [sessionId], {
      everyMs: RECORDS_EVERY_MS,
      touches,
    }) ?? [];
  const states = useLiveQuery(() => db.presenceStates.toArray(), []) ?? [];
  const lateAfter =
    org?.settings.lateAfterMinutes ?? login?.organization.settings.lateAfterMinutes ?? 10;
  // Check-out shows only when the organization records departures; off, nothing about it shows.
  const departures = Boolean(
    org?.settings.recordDepartures ?? login?.organization.settings.recordDepartures,
  );
  const [mode, setMode] = useState<DoorMode>('arriving');
  const leaving = departures && mode === 'leaving';
  const { feedback, checkIn, checkOut, handleText, undo } = useCheckIn(session, lateAfter, {
    departures,
    mode,
  });
  const sync = useSyncStatus();
  const t = useT('scan');
  const tSync = useT('sync');
  // A locked station shows what a door needs: the roster and "Mark all present" only if allowed.
  const view = useStationView(sessionId);
  // Expired offline (known from the stored assignment) or revoked (the server said so on a push).
  const blocked =
    assignmentBlock(login, Date.now()) ??
    (sync.blockedCode === 'assignment_revoked' || sync.blockedCode === 'device_revoked'
      ? blockedWords(sync, tSync)
      : null);
  const onWedge = useCallback(
    (text: string) => void handleText(text, text.startsWith('rollcall:') ? 'qr' : 'code'),
    [handleText],
  );
  useKeyboardWedge(onWedge, !blocked);
  const onBack = useCallback(() => go({ name: 'sessions' }), [go]);
  const onScan = useCallback((text: string) => void handleText(text, 'qr'), [handleText]);
  const onCode = useCallback((text: string) => handleText(text, 'code'), [handleText]);
  const onPick = useCallback((p: Participant) => void checkIn(p, 'search'), [checkIn]);
  const onCheckOut = useCallback((p: Participant) => void checkOut(p), [checkOut]);
  const onUndo = useCallback((u: UndoTarget) => void undo(u), [undo]);
  const onAdded = useCallback(
    (p: Participant) =>
      void checkIn(p, 'manual', { visitor: true }).then(() =>
        // The sheet closed over the bottom of the screen: bring the banner (and its Undo) to the eye.
        document
          .querySelector('[data-testid="feedback"]')
          ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
      ),
    [checkIn],
  );
  const cameraLabels = useMemo<[string, string]>(() => [t('scanWithCamera'), t('stopCamera')], [t]);

  // Per state, for the chips: what each state has, like the live page's list of states.
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const r of records) if (r.state) c[r.state] = (c[r.state] ?? 0) + 1;
    return c;
  }, [records]);
  // Arrived and expected as the live page and the reports count them (countSession). Who is
  // expected is read when the roster changes; a scan only recounts, in memory, the records above
  // (reading the members again on every scan doubled the door's p95 scan-to-commit in the bench).
  const groupKey = session?.groupIds.join();
  const population = useLiveQuery(
    () => (session ? populationOf(db, [session]) : undefined),
    [groupKey],
  );
  const count = useMemo(
    () => (session && population ? countWith(population, session, records) : undefined),
    [session, population, records],
  );
  const left = departures ? (count?.left ?? 0) : 0;
  // With departures recorded, "here" means still in: arrived and not checked out.
  const here = count ? (departures ? stillIn(count) : count.arrived) : 0;

  if (!session)
    return (
      <main className="screen">
        <p>{t('loading')}</p>
      </main>
    );
  return (
    <main className="screen checkin">
      <header className="screen-head">
        <Toggle sessionId={sessionId} onBack={onBack} />
        <h1 translate="no">{session.name}</h1>
        <p className="headcount" aria-live="polite" data-testid="headcount">
          {/* The number stands out (and specs read it) on its own; the word beside it agrees with it. */}
          <strong>{here}</strong> {t('hereLabel', { count: here })}
          {states
            .filter((s) => counts[s.code])
            .map((s) => (
              <span key={s.code} className="chip" style={{ borderColor: s.color }}>
                {stateLabel(s)} {counts[s.code]}
              </span>
            ))}
          {left > 0 && (
            <span className="chip" data-testid="left-count">
              {t('left', { count: left })}
            </span>
          )}
        </p>
      </header>
      {blocked && (
        <p className="banner error" role="alert">
          {blocked}
        </p>
      )}
      <FeedbackBanner
        feedback={feedback}
        onUndo={blocked ? undefined : onUndo}
        onCheckOut={blocked ? undefined : onCheckOut}
      />
      {!blocked && departures && <DoorModeToggle mode={mode} onChange={setMode} />}
      {!blocked && (
        <section className="ways" aria-label={t(leaving ? 'checkPeopleOut' : 'checkPeopleIn')}>
          <Camera onScan={onScan} labels={cameraLabels} />
          <Code onSubmit={onCode} verb={t(leaving ? 'checkOut' : 'checkIn')} />
          <NameSearch onPick={onPick} records={records} states={states} />
        </section>
      )}
      {view.roster && (
        <Roster
          session={session}
          count={count}
          records={records}
          states={states}
          disabled={Boolean(blocked)}
          markAll={view.markAll}
          onCheckOut={departures ? onCheckOut : undefined}
        />
      )}
      {!blocked && <Add onAdded={onAdded} />}
    </main>
  );
}

// At an exit (or at the end), the usher turns the door around: scans, codes and names then check
// people out. The choice is big and coloured so a scan never does the other thing unnoticed.
const DoorModeToggle = memo(function DoorModeToggle({
  mode,
  onChange,
}: {
  mode: DoorMode;
  onChange(m: DoorMode): void;
}) {
  const t = useT('scan');
  return (
    <div className={`door-mode ${mode}`} role="group" aria-label={t('scansCheckPeople')}>
      <button type="button" aria-pressed={mode === 'arriving'} onClick={() => onChange('arriving')}>
        {t('modeIn')}
      </button>
      <button type="button" aria-pressed={mode === 'leaving'} onClick={() => onChange('leaving')}>
        {t('modeOut')}
      </button>
    </div>
  );
});

// The banner keeps one height whatever it says, so nothing under a finger moves; Undo sits beside
// the message (outside the live region, which reads the message alone).
const FeedbackBanner = memo(function FeedbackBanner({
  feedback,
  onUndo,
  onCheckOut,
}: {
  feedback: Feedback | null;
  onUndo?: (u: UndoTarget) => void;
  onCheckOut?: (p: Participant) => void;
}) {
  const kind = feedback?.kind ?? 'idle';
  const t = useT('scan');
  return (
    <div className={`feedback-slot ${kind}`}>
      <div
        className={`feedback ${kind}`}
        role="status"
        aria-live="assertive"
        data-testid="feedback"
        data-kind={kind}
        key={feedback?.at}
      >
        {feedback ? (
          <>
            <span className="avatar" aria-hidden="true" translate="no">
              {feedback.initials ?? KIND_MARK[feedback.kind]}
            </span>
            <span className="words">
              <strong translate={feedback.titleIsName ? 'no' : undefined}>{feedback.title}</strong>
              {feedback.detail && <span className="detail">{feedback.detail}</span>}
            </span>
          </>
        ) : (
          <span className="detail">{t('idleHint')}</span>
        )}
      </div>
      {feedback?.undo && onUndo && (
        <button
          type="button"
          className="undo"
          data-testid="undo-last"
          onClick={() => feedback.undo && onUndo(feedback.undo)}
        >
          {t('undo')}
        </button>
      )}
      {feedback?.checkOut && onCheckOut && (
        <button
          type="button"
          className="undo"
          data-testid="check-out-from-banner"
          onClick={() => feedback.checkOut && onCheckOut(feedback.checkOut)}
        >
          {t('checkOut')}
        </button>
      )}
    </div>
  );
});

// Seen at arm's length when there is no face to show: tick, repeat, cross, warning, back.
const KIND_MARK: Record<Feedback['kind'], string> = {
  ok: '✓',
  already: '↺',
  wrong: '✕',
  error: '!',
  undone: '↶',
  left: '→',
};
