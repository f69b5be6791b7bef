// Someone at the door who is not on the roster: a sheet over the screen, where the usher is
// looking, adds them offline as a guest (in no group: an admin places them later) and closes onto
// the check-in banner, "Visitor checked in", with its Undo.
import type { Participant } from '@rollcall/shared';
import { useEffect, useRef, useState } from 'react';
import { db } from '../../app-context.ts';
import { createParticipant } from '../../db/record.ts';
import { useSession } from '../auth/session-store.ts';
import { reportNotSaved } from './use-check-in.ts';
import { useT } from '../../i18n/i18n.ts';

export function QuickAdd({ onAdded }: { onAdded: (p: Participant) => void }) {
  const login = useSession((s) => s.login);
  const t = useT('scan');
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    firstField.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const opener = (
    <button type="button" className="secondary wide" onClick={() => setOpen(true)}>
      {t('addSomeone')}
    </button>
  );
  if (!open) return opener;
  const submit = async () => {
    if (!login || !first.trim()) return;
    let id: string;
    try {
      id = await createParticipant(
        db,
        { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() },
        { firstName: first.trim(), lastName: last.trim(), groupIds: [] },
      );
    } catch (e) {
      return reportNotSaved(e, `${first.trim()} ${last.trim()}`.trim());
    }
    const p = await db.participants.get(id);
    setFirst('');
    setLast('');
    setOpen(false);
    if (p) onAdded(p);
  };
  return (
    <>
      {opener}
      <div className="sheet-backdrop" onClick={() => setOpen(false)} />
      <form
        className="sheet card"
        role="dialog"
        aria-modal="true"
        aria-label={t('addVisitor')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{t('addVisitor')}</h2>
        <label>
          <span className="label">{t('firstName')}</span>
          <input
            ref={firstField}
            required
            autoComplete="off"
            value={first}
            onChange={(e) => setFirst(e.target.value)}
          />
        </label>
        <label>
          <span className="label">{t('lastName')}</span>
          <input autoComplete="off" value={last} onChange={(e) => setLast(e.target.value)} />
        </label>
        <div className="row">
          <button type="submit" className="primary">
            {t('addAndCheckIn')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
