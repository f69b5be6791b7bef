// Someone at the door who is not on the roster: add them offline and check them in.
import type { Participant, Session } from '@rollcall/shared';
import { useState } from 'react';
import { db } from '../../app-context.ts';
import { createParticipant } from '../../db/record.ts';
import { useSession } from '../auth/session-store.ts';
import { reportNotSaved } from './use-check-in.ts';

export function QuickAdd({
  session,
  onAdded,
}: {
  session: Session;
  onAdded: (p: Participant) => void;
}) {
  const login = useSession((s) => s.login);
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  if (!open)
    return (
      <button type="button" className="secondary wide" onClick={() => setOpen(true)}>
        + Add someone not on the roster
      </button>
    );
  const submit = async () => {
    if (!login || !first.trim()) return;
    let id: string;
    try {
      id = await createParticipant(
        db,
        { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() },
        { firstName: first.trim(), lastName: last.trim(), groupIds: session.groupIds.slice(0, 1) },
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
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>Add a newcomer</h2>
      <label>
        <span className="label">First name</span>
        <input required value={first} onChange={(e) => setFirst(e.target.value)} />
      </label>
      <label>
        <span className="label">Last name</span>
        <input value={last} onChange={(e) => setLast(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Add and check in
        </button>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
