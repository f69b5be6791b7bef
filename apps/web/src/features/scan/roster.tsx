// The roster with quick state toggles, and "mark all present, then exceptions". One tap never
// rewrites a session: mark-all says how many it changes and can be undone, and a second tap on a
// recorded person asks before clearing. An undo is a new change in the outbox (synced and audited
// like any other), never a deletion of the queued one. A tap is one arrival: it says so in the
// banner with the same colour, tone and buzz as a scan, and the banner's Undo takes it back.
import {
  withDescendants,
  type Participant,
  type PresenceState,
  type Session,
} from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { db, engine } from '../../app-context.ts';
import type { LocalRecord } from '../../db/db.ts';
import type { DeviceCount } from '../../db/session-counts.ts';
import { recordPresence } from '../../db/record.ts';
import { useSession } from '../auth/session-store.ts';
import { displayName, initials } from './lookup.ts';
import { reportNotSaved, say } from './use-check-in.ts';
import { rowRecords, type RowRecord } from './roster-rows.ts';
import { useT, type T } from '../../i18n/i18n.ts';
import { stateLabel } from '../../i18n/state-label.ts';
import { timeIn } from '../../lib/zone-format.ts';

interface Props {
  session: Session;
  /** Arrived and expected, counted once for the whole check-in screen (db/session-counts.ts). */
  count: DeviceCount | undefined;
  records: LocalRecord[];
  states: PresenceState[];
  disabled: boolean;
  /** Off on a locked station unless the admin allows it. */
  markAll?: boolean;
  /** Given when the organization records departures: a checked-in person can be checked out. */
  onCheckOut?: (p: Participant) => void;
}

// In the order Dexie's sortBy('lastName') gave over the primary key: the roster looks as it did.
const byLastName = (a: Participant, b: Participant) =>
  a.lastName < b.lastName
    ? -1
    : a.lastName > b.lastName
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

// In the display zone and the language in use, like every other time at the door.
const hhmm = (iso: string) => timeIn(iso);

export function Roster({
  session,
  count,
  records,
  states,
  disabled,
  markAll = true,
  onCheckOut,
}: Props) {
  const login = useSession((s) => s.login);
  const t = useT('scan');
  const [filter, setFilter] = useState('');
  const [marked, setMarked] = useState<string[] | null>(null);
  const byPerson = new Map(records.map((r) => [r.participantId, r]));
  const previousRows = useRef<ReadonlyMap<string, RowRecord>>(new Map());
  const rows = useMemo(() => rowRecords(records, previousRows.current), [records]);
  useLayoutEffect(() => {
    previousRows.current = rows;
  }, [rows]);
  // The session's groups' members, and anyone recorded at this session (a guest added at the
  // door): a guest shows on the roster of the session they came to, not on every roster after.
  // Members are read when the session changes, guests by key when one is recorded, so a scan of a
  // member (most of them) re-reads nobody.
  const loaded = useLiveQuery(async () => {
    const groups = withDescendants(session.groupIds, await db.groups.toArray());
    // A session of no group lists everyone; otherwise its members come from the groupIds index.
    if (groups.size === 0) return db.participants.filter((p) => p.active).toArray();
    return db.participants
      .where('groupIds')
      .anyOf([...groups])
      .distinct()
      .toArray();
  }, [session.id, session.groupIds.join()]);
  const members = useMemo(() => loaded ?? [], [loaded]);
  const memberIds = useMemo(() => new Set(members.map((p) => p.id)), [members]);
  // Until the members are read, nobody is taken for a guest.
  const guestIds = loaded
    ? records
        .map((r) => r.participantId)
        .filter((id) => !memberIds.has(id))
        .join()
    : '';
  const guests =
    useLiveQuery(
      async () => (guestIds ? db.participants.bulkGet(guestIds.split(',')) : []),
      [guestIds],
    ) ?? [];
  const people = useMemo(
    () =>
      // A guest read for an earlier list of recorded people may be a member now: listed once.
      [...members, ...guests.filter((g) => g && !memberIds.has(g.id))]
        .filter((p): p is Participant => p !== undefined && p.active)
        .sort(byLastName),
    [members, memberIds, guests],
  );
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
  const labelOf = (code: string | null | undefined) => {
    const state = code ? states.find((s) => s.code === code) : undefined;
    return state ? stateLabel(state) : (code ?? undefined);
  };
  const tap = async (p: Participant, s: PresenceState) => {
    const name = displayName(p);
    const label = stateLabel(s);
    const previous = byPerson.get(p.id)?.state ?? null;
    if (previous !== s.code) {
      await set(p.id, s.code);
      say({
        kind: 'ok',
        title: name,
        titleIsName: true,
        detail: previous ? t('stateChanged', { from: labelOf(previous), to: label }) : label,
        initials: initials(p),
        undo: {
          sessionId: session.id,
          participantId: p.id,
          set: s.code,
          previous,
          previousLabel: labelOf(previous),
          name,
        },
      });
      return;
    }
    const ok = window.confirm(t('undoConfirm', { state: label, name }));
    if (!ok) return;
    await set(p.id, null);
    say({
      kind: 'undone',
      title: name,
      titleIsName: true,
      detail: t('takenBack', { state: label }),
    });
  };
  const markAllPresent = async () => {
    const missing = people.filter((p) => !byPerson.get(p.id)?.state).map((p) => p.id);
    if (missing.length === 0) return;
    const ok = window.confirm(t('markAllConfirm', { count: missing.length }));
    if (!ok) return;
    await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
      for (const participantId of missing)
        await recordPresence(db, who(), {
          sessionId: session.id,
          participantId,
          state: 'present',
          method: 'bulk',
        });
    });
    engine.noteLocalChange();
    setMarked(missing);
  };
  const undoMarkAll = async () => {
    const ids = marked ?? [];
    setMarked(null);
    await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
      for (const participantId of ids) {
        // Only those still as mark-all left them: a later tap on someone is kept.
        const r = await db.records.get([session.id, participantId]);
        if (r?.state !== 'present' || r.method !== 'bulk') continue;
        await recordPresence(db, who(), {
          sessionId: session.id,
          participantId,
          state: null,
          method: 'manual',
        });
      }
    });
    engine.noteLocalChange();
  };
  // The row's toggles and their words, made once for all rows (and per row they cost the most).
  const toggles = useMemo(
    () =>
      states
        .filter((s) => s.active)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((s) => ({ state: s, label: stateLabel(s) })),
    // `t` is new when the language changes, and so are the default states' words.
    [states, t],
  );
  // Rows get the same handlers on every render (they call the latest ones), so a scan re-renders
  // the row it changed and no other.
  const latest = useRef({ tap, onCheckOut });
  useLayoutEffect(() => {
    latest.current = { tap, onCheckOut };
  });
  const onTap = useCallback(
    (p: Participant, s: PresenceState) =>
      void latest.current.tap(p, s).catch((e) => reportNotSaved(e, displayName(p))),
    [],
  );
  const checkOutOf = useCallback((p: Participant) => latest.current.onCheckOut?.(p), []);
  const isIn = (code: string | null) =>
    Boolean(code && states.find((s) => s.code === code)?.countsAsPresent);

  return (
    <section className="roster" aria-label={t('roster')}>
      <div className="row">
        <h2 className="grow">
          {t('roster')}{' '}
          <span className="muted" data-testid="roster-count">
            {/* A session of no group expects no one: its arrivals alone, as the sessions list says. */}
            {count?.expected
              ? t('arrivedOfExpected', { count: count.arrived, expected: count.expected })
              : t('arrivedOnly', { count: count?.arrived ?? 0 })}
          </span>
        </h2>
        {markAll && (
          <button
            type="button"
            className="secondary"
            disabled={disabled}
            onClick={() => void markAllPresent().catch((e) => reportNotSaved(e))}
          >
            {t('markAllPresent')}
          </button>
        )}
      </div>
      {marked && (
        <p className="banner info" role="status">
          {t('marked', { count: marked.length })}{' '}
          <button
            type="button"
            className="link"
            onClick={() => void undoMarkAll().catch((e) => reportNotSaved(e))}
          >
            {t('undo')}
          </button>
        </p>
      )}
      <label>
        <span className="label">{t('filter')}</span>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('filterPlaceholder')}
        />
      </label>
      <ul className="roster-list">
        {shown.map((p) => {
          const row = rows.get(p.id);
          return (
            <RosterRow
              key={p.id}
              person={p}
              row={row}
              toggles={toggles}
              disabled={disabled}
              canCheckOut={Boolean(onCheckOut) && isIn(row?.state ?? null)}
              showLeft={Boolean(onCheckOut)}
              onTap={onTap}
              onCheckOut={checkOutOf}
              t={t}
            />
          );
        })}
      </ul>
    </section>
  );
}

interface RowProps {
  person: Participant;
  /** What the row shows of the person's record (the same object while it does not change). */
  row: RowRecord | undefined;
  toggles: { state: PresenceState; label: string }[];
  disabled: boolean;
  /** In, not checked out, and departures are recorded: the row offers "Check out". */
  canCheckOut: boolean;
  /** Departures are recorded: the row says when the person left. */
  showLeft: boolean;
  onTap: (p: Participant, s: PresenceState) => void;
  onCheckOut: (p: Participant) => void;
  t: T<'scan'>;
}

// Memoized: every prop stays the same object until the person's row changes.
const RosterRow = memo(function RosterRow({
  person: p,
  row: r,
  toggles,
  disabled,
  canCheckOut,
  showLeft,
  onTap,
  onCheckOut,
  t,
}: RowProps) {
  return (
    <li className={r?.hasConflict ? 'has-conflict' : ''} data-testid={`roster-${p.id}`}>
      <span className="who">
        <span translate="no">{displayName(p)}</span>
        {p.groupIds.length === 0 && (
          <span className="tag" title={t('guestHint')}>
            {t('guest')}
          </span>
        )}
        {r?.pending && (
          <span className="tag" title={t('waitingHint')}>
            {t('waiting')}
          </span>
        )}
        {r?.hasConflict && (
          <span className="tag warn" title={t('adminWillCheckHint')}>
            {t('adminWillCheck')}
          </span>
        )}
        {showLeft && r?.leftAt && (
          <span className="tag" data-testid={`left-${p.id}`}>
            {t('leftAt', { time: hhmm(r.leftAt) })}
          </span>
        )}
      </span>
      {canCheckOut && !r?.leftAt && (
        <button
          type="button"
          className="secondary"
          disabled={disabled}
          onClick={() => onCheckOut(p)}
        >
          {t('checkOut')}
        </button>
      )}
      <span className="toggles" role="group" aria-label={t('stateOf', { name: displayName(p) })}>
        {toggles.map(({ state: s, label }) => (
          <button
            key={s.code}
            type="button"
            disabled={disabled}
            aria-pressed={r?.state === s.code}
            style={{ ['--state' as string]: s.color }}
            onClick={() => onTap(p, s)}
          >
            {label}
          </button>
        ))}
      </span>
    </li>
  );
});
