// One check-in, whatever the way in: look up, decide present or late, commit locally, then tell
// the usher (only after the commit) and nudge the sync engine.
import type { Method, Participant, Session } from '@rollcall/shared';
import { useCallback, useState } from 'react';
import { db, engine } from '../../app-context.ts';
import { recordPresence } from '../../db/record.ts';
import { assignmentBlock, useSession } from '../auth/session-store.ts';
import { signal } from './feedback.ts';
import { autoState, displayName, initials, lookupScan } from './lookup.ts';

export interface Feedback {
  kind: 'ok' | 'already' | 'error';
  title: string;
  detail?: string;
  initials?: string;
  at: number;
}

const hhmm = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

export function useCheckIn(session: Session | undefined, lateAfterMinutes: number) {
  const login = useSession((s) => s.login);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const say = useCallback((f: Omit<Feedback, 'at'>) => {
    signal(f.kind);
    setFeedback({ ...f, at: Date.now() });
  }, []);

  const checkIn = useCallback(
    async (participant: Participant, method: Method) => {
      if (!session || !login) return;
      const blocked = assignmentBlock(login, Date.now());
      if (blocked) return say({ kind: 'error', title: 'Check-in closed', detail: blocked });
      const state = autoState(
        session.scheduledStart,
        session.lateAfterMinutes ?? lateAfterMinutes,
        Date.now(),
      );
      const who = { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() };
      const result = await recordPresence(db, who, {
        sessionId: session.id,
        participantId: participant.id,
        state,
        method,
        checkIn: true,
      });
      const name = displayName(participant);
      if (result.kind === 'already') {
        const by =
          (await db.users.get(result.record.recordedBy))?.displayName ??
          (result.record.recordedBy === login.user.id ? login.user.displayName : 'another usher');
        return say({
          kind: 'already',
          title: `${name} is already checked in`,
          detail: `Already checked in at ${hhmm(result.record.recordedAt)} by ${by}. Nothing new recorded.`,
          initials: initials(participant),
        });
      }
      engine.noteLocalChange();
      say({
        kind: 'ok',
        title: name,
        detail: state === 'late' ? 'Checked in — late' : 'Checked in',
        initials: initials(participant),
      });
    },
    [session, login, lateAfterMinutes, say],
  );

  const handleText = useCallback(
    async (text: string, method: Method) => {
      if (!login) return;
      const found = await lookupScan(db, text, login.organization.id);
      if (!found.ok) return say({ kind: 'error', title: 'Not checked in', detail: found.message });
      await checkIn(found.participant, method);
    },
    [login, checkIn, say],
  );

  return { feedback, checkIn, handleText, say };
}
