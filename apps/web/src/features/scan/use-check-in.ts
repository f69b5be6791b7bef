// One check-in, whatever the way in: look up, decide present or late, commit locally, then tell
// the usher (only after the commit) and nudge the sync engine. A write this device could not save
// is said as loudly as a refusal: red, the error tone, the reason, "try again". The last change
// can be undone from the banner: the undo is a new change in the outbox (synced and audited like any
// other), never the deletion of the queued one.
import type { Method, Participant, Session } from '@rollcall/shared';
import { useCallback, useEffect } from 'react';
import { create } from 'zustand';
import { db, engine } from '../../app-context.ts';
import { recordDeparture, recordPresence } from '../../db/record.ts';
import { assignmentBlock, useSession } from '../auth/session-store.ts';
import { signal, type FeedbackKind } from './feedback.ts';
import { autoState, displayName, initials, lookupMessage, lookupScan } from './lookup.ts';
import { timeIn } from '../../lib/zone-format.ts';
import { translate } from '../../i18n/i18n.ts';

/** What the banner's Undo puts back: the person's state before the last change. */
export interface UndoTarget {
  sessionId: string;
  participantId: string;
  /** The state the change set, so an undo never overwrites a later change. */
  set: string | null;
  previous: string | null;
  /** The previous state as the roster showed it (its `stateLabel`). */
  previousLabel?: string;
  name: string;
}

export interface Feedback {
  kind: FeedbackKind;
  title: string;
  /** The title is a person's name (the organization's data: never translated). */
  titleIsName?: boolean;
  detail?: string;
  initials?: string;
  undo?: UndoTarget;
  /** An "already in" banner offers checking the person out (when departures are recorded). */
  checkOut?: Participant;
  at: number;
}

/** What a scan, a code or a name does at the door: check people in, or (when on) out. */
export type DoorMode = 'arriving' | 'leaving';

export type CheckInOutcome = 'recorded' | 'already' | 'refused' | 'not_saved';

// One banner for the whole check-in screen, so a roster tap's failure shows where scans show theirs.
const useFeedback = create<{ feedback: Feedback | null }>(() => ({ feedback: null }));

export function say(f: Omit<Feedback, 'at'>) {
  signal(f.kind);
  useFeedback.setState({ feedback: { ...f, at: Date.now() } });
}

type Who = Parameters<typeof recordPresence>[1];

/** Takes the banner's last change back with a new change; says so, or why it could not. */
export async function undoLast(who: Who, u: UndoTarget) {
  useFeedback.setState({ feedback: null });
  const t = translate('scan');
  try {
    const now = await db.records.get([u.sessionId, u.participantId]);
    if ((now?.state ?? null) !== u.set) {
      say({ kind: 'error', title: u.name, titleIsName: true, detail: t('changedSince') });
      return;
    }
    await recordPresence(db, who, {
      sessionId: u.sessionId,
      participantId: u.participantId,
      state: u.previous,
      method: 'manual',
    });
  } catch (e) {
    reportNotSaved(e, u.name);
    return;
  }
  engine.noteLocalChange();
  say({
    kind: 'undone',
    title: u.name,
    titleIsName: true,
    detail: u.previous
      ? t('undoneBackTo', { state: u.previousLabel ?? u.previous })
      : t('undoneNotIn'),
  });
}

// A badge held in front of the camera (or a presentation scanner) is read again and again: while the
// same badge keeps coming within this window, the first result stays on screen instead of turning
// into "already checked in" while the person is still standing there.
const SAME_BADGE_MS = 5000;
let lastRead: { text: string; at: number; outcome: CheckInOutcome } | null = null;

/** Why IndexedDB refused a write, for a person (Dexie wraps the browser's error in `inner`). */
export function localWriteReason(e: unknown): string {
  const outer = e as { name?: string; message?: string; inner?: unknown } | null;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- `inner` is unknown: without the cast `err` is unknown too (the rule misreads unknown ?? T)
  const err = (outer?.inner ?? outer) as { name?: string; message?: string } | null;
  if (err?.name === 'QuotaExceededError') return translate('scan')('outOfSpace');
  const text = err?.message || err?.name || String(e);
  return text.replace(/[.\s]+$/, '');
}

/** Shows a local write that failed; `who` names the person it was for, when known. */
export function reportNotSaved(e: unknown, who?: string) {
  console.error('local write failed', e);
  const t = translate('scan');
  say({
    kind: 'error',
    title: who ?? t('notSaved'),
    titleIsName: who !== undefined,
    detail: t('notSavedDetail', { reason: localWriteReason(e) }),
  });
}

const hhmm = (iso: string) => timeIn(iso);

export function useCheckIn(
  session: Session | undefined,
  lateAfterMinutes: number,
  door: { departures: boolean; mode: DoorMode } = { departures: false, mode: 'arriving' },
) {
  const login = useSession((s) => s.login);
  const feedback = useFeedback((s) => s.feedback);
  // A banner belongs to the screen that showed it: leaving the screen clears it.
  useEffect(() => () => useFeedback.setState({ feedback: null }), []);

  const checkIn = useCallback(
    async (
      participant: Participant,
      method: Method,
      opts: { visitor?: boolean } = {},
    ): Promise<CheckInOutcome> => {
      if (!session || !login) return 'refused';
      const t = translate('scan');
      const blocked = assignmentBlock(login, Date.now());
      if (blocked) {
        say({ kind: 'error', title: t('checkInClosed'), detail: blocked });
        return 'refused';
      }
      const state = autoState(
        session.scheduledStart,
        session.lateAfterMinutes ?? lateAfterMinutes,
        Date.now(),
      );
      const who = { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() };
      const name = displayName(participant);
      let result;
      try {
        result = await recordPresence(db, who, {
          sessionId: session.id,
          participantId: participant.id,
          state,
          method,
          checkIn: true,
        });
      } catch (e) {
        reportNotSaved(e, name);
        return 'not_saved';
      }
      if (result.kind === 'already') {
        const by =
          (await db.users.get(result.record.recordedBy))?.displayName ??
          (result.record.recordedBy === login.user.id ? login.user.displayName : t('anotherUsher'));
        const left = door.departures ? result.record.leftAt : null;
        say({
          kind: 'already',
          title: name,
          titleIsName: true,
          detail: left
            ? t('alreadyInLeft', { time: hhmm(result.record.recordedAt), left: hhmm(left) })
            : t('alreadyInBy', { time: hhmm(result.record.recordedAt), by }),
          initials: initials(participant),
          ...(door.departures && !left ? { checkOut: participant } : {}),
        });
        return 'already';
      }
      engine.noteLocalChange();
      say({
        kind: 'ok',
        title: name,
        titleIsName: true,
        detail: opts.visitor
          ? t(state === 'late' ? 'visitorCheckedInLate' : 'visitorCheckedIn')
          : t(state === 'late' ? 'checkedInLate' : 'checkedIn'),
        initials: initials(participant),
        undo: {
          sessionId: session.id,
          participantId: participant.id,
          set: state,
          previous: null,
          name,
        },
      });
      return 'recorded';
    },
    [session, login, lateAfterMinutes, door.departures],
  );

  const checkOut = useCallback(
    async (participant: Participant): Promise<CheckInOutcome> => {
      if (!session || !login) return 'refused';
      const t = translate('scan');
      const blocked = assignmentBlock(login, Date.now());
      if (blocked) {
        say({ kind: 'error', title: t('checkOutClosed'), detail: blocked });
        return 'refused';
      }
      const who = { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() };
      const name = displayName(participant);
      let result;
      try {
        result = await recordDeparture(db, who, {
          sessionId: session.id,
          participantId: participant.id,
        });
      } catch (e) {
        reportNotSaved(e, name);
        return 'not_saved';
      }
      const face = { title: name, titleIsName: true, initials: initials(participant) };
      if (result.kind === 'not_in') {
        say({ kind: 'wrong', ...face, detail: t('notInNothingOut') });
        return 'refused';
      }
      if (result.kind === 'already_left') {
        say({
          kind: 'already',
          ...face,
          detail: t('alreadyOut', { time: hhmm(result.record.leftAt ?? '') }),
        });
        return 'already';
      }
      engine.noteLocalChange();
      say({
        kind: 'left',
        ...face,
        detail: t('checkedOutAt', { time: hhmm(result.record.leftAt ?? '') }),
      });
      return 'recorded';
    },
    [session, login],
  );
  const atDoor = useCallback(
    (participant: Participant, method: Method, opts: { visitor?: boolean } = {}) =>
      door.departures && door.mode === 'leaving' && !opts.visitor
        ? checkOut(participant)
        : checkIn(participant, method, opts),
    [door.departures, door.mode, checkIn, checkOut],
  );

  const handleText = useCallback(
    async (text: string, method: Method): Promise<CheckInOutcome> => {
      if (!login) return 'refused';
      const now = Date.now();
      if (
        method === 'qr' &&
        lastRead?.text === text &&
        now - lastRead.at < SAME_BADGE_MS &&
        (lastRead.outcome === 'recorded' || lastRead.outcome === 'already')
      ) {
        lastRead.at = now;
        return lastRead.outcome;
      }
      const found = await lookupScan(db, text, login.organization.id);
      let outcome: CheckInOutcome;
      if (!found.ok) {
        const leaving = door.departures && door.mode === 'leaving';
        const t = translate('scan');
        say({
          kind: 'wrong',
          title: t(leaving ? 'notCheckedOut' : 'notCheckedIn'),
          detail: lookupMessage(found, t),
        });
        outcome = 'refused';
      } else outcome = await atDoor(found.participant, method);
      lastRead = method === 'qr' ? { text, at: Date.now(), outcome } : null;
      return outcome;
    },
    [login, atDoor, door.departures, door.mode],
  );

  const undo = useCallback(
    (u: UndoTarget) =>
      login &&
      undoLast({ deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() }, u),
    [login],
  );

  return { feedback, checkIn: atDoor, checkOut, handleText, say, undo };
}
