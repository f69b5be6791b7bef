// The roster with quick state toggles, and "mark all present, then exceptions".
import { withDescendants, type PresenceState, type Session } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db, engine } from '../../app-context.ts';
import type { LocalRecord } from '../../db/db.ts';
import { recordPresence } from '../../db/record.ts';
import { useSession } from '../auth/session-store.ts';
import { displayName } from './lookup.ts';
import { reportNotSaved } from './use-check-in.ts';

interface Props {
  session: Session;
  records: LocalRecord[];
  states: PresenceState[];
  disabled: boolean;
}

export function Roster({ session, records, states, disabled }: Props) {
  const login = useSession((s) => s.login);
  const [filter, setFilter] = useState('');
  const people =
    useLiveQuery(async () => {
      const groups = withDescendants(session.groupIds, await db.groups.toArray());
      return db.participants
        .filter(
          (p) =>
            p.active &&
            (groups.size === 0 ||
              p.groupIds.some((g) => groups.has(g)) ||
              Boolean(p.extra.createdOnDevice)),
        )
        .sortBy('lastName');
    }, [session.id, session.groupIds.join()]) ?? [];
  const byPerson = new Map(records.map((r) => [r.participantId, r]));
  const shown = filter
    ? people.filter((p) => displayName(p).toLowerCase().includes(filter.toLowerCase()))
    : people;
  const who = () => ({ deviceId: login!.deviceId, userId: login!.user.id, now: () => Date.now() });

  const set = async (participantId: string, state: string | null) => {
    await recordPresence(db, who(), {
      sessionId: session.id,
      participantId,
      state,
      method: 'manual',
    });
    engine.noteLocalChange();
  };
  const markAllPresent = async () => {
    const missing = people.filter((p) => !byPerson.get(p.id)?.state);
    await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
      for (const p of missing)
        await recordPresence(db, who(), {
          sessionId: session.id,
          participantId: p.id,
          state: 'present',
          method: 'bulk',
        });
    });
    engine.noteLocalChange();
  };
  const active = states.filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);

  return (
    <section className="roster" aria-label="Roster">
      <div className="row">
        <h2 className="grow">
          Roster <span className="muted">({people.length})</span>
        </h2>
        <button
          type="button"
          className="secondary"
          disabled={disabled}
          onClick={() => void markAllPresent().catch((e) => reportNotSaved(e))}
        >
          Mark all present
        </button>
      </div>
      <label>
        <span className="label">Filter the roster</span>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Name"
        />
      </label>
      <ul className="roster-list">
        {shown.map((p) => {
          const r = byPerson.get(p.id);
          return (
            <li
              key={p.id}
              className={r?.hasConflict ? 'has-conflict' : ''}
              data-testid={`roster-${p.id}`}
            >
              <span className="who">
                {displayName(p)}
                {r?.pending && (
                  <span className="tag" title="Waiting to sync">
                    pending
                  </span>
                )}
                {r?.hasConflict && (
                  <span className="tag warn" title="Another device recorded something else">
                    conflict
                  </span>
                )}
              </span>
              <span className="toggles" role="group" aria-label={`State of ${displayName(p)}`}>
                {active.map((s) => (
                  <button
                    key={s.code}
                    type="button"
                    disabled={disabled}
                    aria-pressed={r?.state === s.code}
                    style={{ ['--state' as string]: s.color }}
                    onClick={() =>
                      void set(p.id, r?.state === s.code ? null : s.code).catch((e) =>
                        reportNotSaved(e, displayName(p)),
                      )
                    }
                  >
                    {s.label}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
