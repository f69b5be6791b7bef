// Sessions and groups: create a session or a weekly series, start, end or cancel one; the group tree.
import type { Group, Session } from '@rollcall/shared';
import { useState, type FormEvent } from 'react';
import { client, engine, remote } from '../../app-context.ts';
import { attempt, useRemote, when } from '../../lib/use-remote.ts';
import { useT } from '../../i18n/i18n.ts';
import { useSession } from '../auth/session-store.ts';
import { todayIn } from '../../lib/zone-format.ts';
import { useOrgZone } from '../settings/org-zone.ts';
import { readSessionForm, SessionFields } from './session-fields.tsx';
import { attendanceImport } from '../imports/import-kinds.ts';
import { ImportPanel } from '../imports/import-panel.tsx';
import { EditSession } from './edit-session.tsx';

const WEEK_MS = 7 * 86_400_000;

type Move = 'start' | 'cancelSession' | 'end';
const NEXT: Record<string, [string, Move][]> = {
  scheduled: [
    ['active', 'start'],
    ['canceled', 'cancelSession'],
  ],
  active: [['completed', 'end']],
  completed: [],
  canceled: [],
};

const STATUSES = ['scheduled', 'active', 'completed', 'canceled'] as const;
type Status = (typeof STATUSES)[number];

function GroupTree({ groups, parent = null }: { groups: Group[]; parent?: string | null }) {
  const children = groups.filter((g) => g.parentId === parent);
  if (children.length === 0) return null;
  return (
    <ul className="tree">
      {children.map((g) => (
        <li key={g.id}>
          <span translate="no">{g.name}</span>
          <GroupTree groups={groups} parent={g.id} />
        </li>
      ))}
    </ul>
  );
}

function NewSession({ groups, onDone }: { groups: Group[]; onDone(): Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const zone = useOrgZone();
  const t = useT('schedule');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = readSessionForm(f, Number(f.get('weeks')), zone);
    if (await attempt(() => client.sessions.createSeries(body), setProblem)) {
      form.reset();
      setProblem(null);
      await onDone();
    }
  };
  const initial = {
    name: '',
    location: '',
    date: todayIn(zone),
    start: '09:00',
    end: '10:30',
    late: '' as const,
    groupIds: [],
  };
  return (
    <form className="card" aria-label={t('newSession')} onSubmit={(e) => void submit(e)}>
      <h2>{t('newSession')}</h2>
      <SessionFields groups={groups} initial={initial}>
        <label>
          <span className="label">{t('repeatWeekly')}</span>
          <input name="weeks" type="number" min={1} max={104} defaultValue={1} required />
        </label>
      </SessionFields>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        {t('create')}
      </button>
    </form>
  );
}

export function ScheduleScreen() {
  const canWrite = useSession((s) => s.login?.user.role === 'admin');
  const t = useT('schedule');
  // A status this app has words for is said in them; one from a newer server shows as sent.
  const statusLabel = (code: string) =>
    STATUSES.includes(code as Status) ? t(`status.${code as Status}`) : code;
  // A week back at first; "Show earlier" reaches further, eight weeks at a time.
  const [weeksBack, setWeeksBack] = useState(1);
  const [since] = useState(() => Date.now());
  const from = new Date(since - weeksBack * WEEK_MS).toISOString();
  const [editing, setEditing] = useState<string | null>(null);
  const sessions = useRemote(remote.sessions.list({ from }));
  const groups = useRemote(remote.groups.list());
  const [problem, setProblem] = useState<string | null>(null);
  const [groupName, setGroupName] = useState('');
  const [parentId, setParentId] = useState('');
  const [importing, setImporting] = useState(false);
  const changed = async () => {
    await Promise.all([sessions.reload(), groups.reload()]);
    void engine.syncNow();
  };
  const move = async (s: Session, status: string) => {
    if (
      status === 'canceled' &&
      !window.confirm(t('confirmCancel', { name: s.name, time: when(s.scheduledStart) }))
    )
      return;
    if (await attempt(() => client.sessions.update(s.id, { status }), setProblem)) await changed();
  };
  const addGroup = async () => {
    if (
      await attempt(
        () => client.groups.create({ name: groupName, parentId: parentId || null }),
        setProblem,
      )
    ) {
      setGroupName('');
      await changed();
    }
  };
  const allGroups = groups.data?.items ?? [];
  return (
    <main className="screen wide-screen">
      <div className="row">
        <h1 className="grow">{t('title')}</h1>
        {canWrite && (
          <button
            type="button"
            className="secondary"
            aria-pressed={importing}
            onClick={() => setImporting((v) => !v)}
          >
            {t('importPast')}
          </button>
        )}
      </div>
      {importing && <ImportPanel kind={attendanceImport} onDone={changed} />}
      {(sessions.error ?? problem) && (
        <p className="error-text" role="alert">
          {sessions.error ?? problem}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('session')}</th>
            <th>{t('when')}</th>
            <th>{t('status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sessions.data?.items.map((s) => [
            <tr key={s.id} data-testid={`session-${s.id}`}>
              <td translate="no">
                {s.name}
                {s.location ? <span className="muted"> · {s.location}</span> : null}
              </td>
              <td>{when(s.scheduledStart)}</td>
              <td>
                <span className={`badge ${s.status}`}>{statusLabel(s.status)}</span>
              </td>
              <td className="actions">
                {canWrite && (
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={editing === s.id}
                    aria-label={t('editLabel', { name: s.name, time: when(s.scheduledStart) })}
                    onClick={() => setEditing(editing === s.id ? null : s.id)}
                  >
                    {t('edit')}
                  </button>
                )}
                {canWrite &&
                  NEXT[s.status]?.map(([to, label]) => (
                    <button
                      key={to}
                      type="button"
                      className="secondary"
                      onClick={() => void move(s, to)}
                    >
                      {t(label)}
                    </button>
                  ))}
              </td>
            </tr>,
            editing === s.id && (
              <tr key={`${s.id}-edit`}>
                <td colSpan={4}>
                  <EditSession
                    session={s}
                    groups={allGroups}
                    onCancel={() => setEditing(null)}
                    onDone={async () => {
                      setEditing(null);
                      await changed();
                    }}
                  />
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
      <div className="row">
        <span className="muted grow">{t('showingFrom', { time: when(from) })}</span>
        <button type="button" className="secondary" onClick={() => setWeeksBack((w) => w + 8)}>
          {t('showEarlier')}
        </button>
      </div>
      {canWrite && <NewSession groups={allGroups} onDone={changed} />}
      <section className="card" aria-label={t('groups')}>
        <h2>{t('groups')}</h2>
        <GroupTree groups={allGroups} />
        {canWrite && (
          <div className="row">
            <input
              className="grow"
              aria-label={t('newGroupName')}
              placeholder={t('newGroup')}
              value={groupName}
              onChange={(e) => setGroupName(e.target.value)}
            />
            <select
              aria-label={t('parentGroup')}
              value={parentId}
              onChange={(e) => setParentId(e.target.value)}
            >
              <option value="">{t('topLevel')}</option>
              {allGroups.map((g) => (
                <option key={g.id} value={g.id} translate="no">
                  {g.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="secondary"
              disabled={!groupName.trim()}
              onClick={() => void addGroup()}
            >
              {t('addGroup')}
            </button>
          </div>
        )}
      </section>
    </main>
  );
}
