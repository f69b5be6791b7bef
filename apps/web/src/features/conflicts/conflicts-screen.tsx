// The admin's queue: open conflicts newest first, filtered by session, date, usher and device;
// resolve one at a time or many with one previewed rule. Managers see it read-only.
import type { ConflictListQuery, ConflictStatus } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { client, db, engine, remote } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { useRemote } from '../../lib/use-remote.ts';
import { useFocusItem } from '../../lib/use-focus-item.ts';
import { useSession } from '../auth/session-store.ts';
import { BulkPanel } from './bulk-panel.tsx';
import { ConflictCard, type Choice, type Fmt } from './conflict-card.tsx';
import { stateLabeler, timeIn } from './readable.ts';
import { dateIn, displayZone } from '../../lib/zone-format.ts';
import { addDays, zonedInstant, type LocalDate } from '@rollcall/shared';
import { errorText } from '../../lib/error-text.ts';

interface Filters {
  status: ConflictStatus;
  sessionId: string;
  userId: string;
  deviceId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = {
  status: 'open',
  sessionId: '',
  userId: '',
  deviceId: '',
  from: '',
  to: '',
};

function query(f: Filters): ConflictListQuery {
  // The days are the organization's, as on every screen.
  const midnight = (day: string, after: number) =>
    new Date(
      zonedInstant(addDays(day.split('-').map(Number) as LocalDate, after), [0, 0], displayZone()),
    );
  return {
    status: f.status,
    limit: 500,
    ...(f.sessionId ? { sessionId: f.sessionId } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.deviceId ? { deviceId: f.deviceId } : {}),
    ...(f.from ? { from: midnight(f.from, 0).toISOString() } : {}),
    ...(f.to ? { to: new Date(midnight(f.to, 1).getTime() - 1).toISOString() } : {}),
  };
}

export function ConflictsScreen({ focus }: { focus?: string }) {
  const canResolve = useSession((s) => s.login?.user.role === 'admin');
  const t = useT('conflicts');
  const [f, setF] = useState<Filters>(EMPTY);
  const { data, error, reload } = useRemote(remote.conflicts.list(query(f)));
  const users = useRemote(remote.users.list()).data?.items ?? [];
  const devices = useRemote(remote.devices.list()).data?.items ?? [];
  const sessions =
    useLiveQuery(() => db.sessions.orderBy('scheduledStart').reverse().limit(100).toArray(), []) ??
    [];
  const allStates = useLiveQuery(
    async () => (await db.presenceStates.toArray()).sort((a, b) => a.sortOrder - b.sortOrder),
    [],
  );
  const states = useMemo(() => (allStates ?? []).filter((s) => s.active), [allStates]);
  // A retired state still has a label: old conflicts keep reading in words.
  const fmt = useMemo<Fmt>(() => {
    const zone = displayZone();
    return {
      zone,
      state: stateLabeler(allStates ?? []),
      time: (iso) => timeIn(zone, iso),
    };
  }, [allStates]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const items = useMemo(() => data?.items ?? [], [data]);
  useFocusItem(focus ? `[data-testid="conflict-${CSS.escape(focus)}"]` : null, items.length);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => {
    setF({ ...f, [k]: e.target.value });
    setSelected(new Set());
  };

  const after = async () => {
    setSelected(new Set());
    await reload();
    void engine.syncNow();
  };
  const resolveOne = async (id: string, c: Choice, note: string) => {
    try {
      await client.conflicts.resolve(id, { ...c, ...(note ? { note } : {}) });
      setProblem(null);
      await after();
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return (
    <main className="screen wide-screen">
      <h1>
        {t('title')}{' '}
        <span className="muted">
          {t(f.status === 'resolved' ? 'count.resolved' : 'count.open', {
            n: data?.total ?? '…',
          })}
        </span>
      </h1>
      <p className="muted">{t('timesIn', { zone: fmt.zone })}</p>
      <form className="filters" aria-label={t('filter')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span className="label">{t('status')}</span>
          <select value={f.status} onChange={set('status')}>
            <option value="open">{t('open')}</option>
            <option value="resolved">{t('resolvedStatus')}</option>
          </select>
        </label>
        <label>
          <span className="label">{t('session')}</span>
          <select value={f.sessionId} onChange={set('sessionId')}>
            <option value="">{t('allSessions')}</option>
            {sessions.map((s) => (
              <option translate="no" key={s.id} value={s.id}>
                {s.name} · {dateIn(s.scheduledStart)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">{t('usher')}</span>
          <select value={f.userId} onChange={set('userId')}>
            <option value="">{t('allUshers')}</option>
            {users
              .filter((u) => u.role.includes('usher') || u.role === 'admin')
              .map((u) => (
                <option translate="no" key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span className="label">{t('device')}</span>
          <select value={f.deviceId} onChange={set('deviceId')}>
            <option value="">{t('allDevices')}</option>
            {devices.map((d) => (
              <option translate="no" key={d.id} value={d.id}>
                {d.name ?? d.id.slice(-8)} ({d.userName})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">{t('from')}</span>
          <input type="date" value={f.from} onChange={set('from')} />
        </label>
        <label>
          <span className="label">{t('to')}</span>
          <input type="date" value={f.to} onChange={set('to')} />
        </label>
      </form>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      {!data && !error && <p>{t('loading')}</p>}
      {data && items.length === 0 && <p className="muted">{t('nothing')}</p>}
      {canResolve && f.status === 'open' && items.length > 0 && (
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() => setSelected(new Set(items.map((c) => c.id)))}
          >
            {t('selectAll', { count: items.length })}
          </button>
          {selected.size > 0 && (
            <button type="button" className="link" onClick={() => setSelected(new Set())}>
              {t('clearSelection')}
            </button>
          )}
        </div>
      )}
      {canResolve && selected.size > 0 && (
        <BulkPanel
          ids={[...selected]}
          states={states}
          label={fmt.state}
          onDone={after}
          onError={setProblem}
        />
      )}
      <ul className="conflict-list">
        {items.map((c) => (
          <ConflictCard
            key={c.id}
            c={c}
            states={states}
            fmt={fmt}
            canResolve={canResolve}
            selected={selected.has(c.id)}
            onSelect={(on) =>
              setSelected((s) => {
                const n = new Set(s);
                if (on) n.add(c.id);
                else n.delete(c.id);
                return n;
              })
            }
            onResolve={
              canResolve
                ? (choice, note) => resolveOne(c.id, choice, note)
                : async () => setProblem(t('onlyAdmin'))
            }
          />
        ))}
      </ul>
    </main>
  );
}
