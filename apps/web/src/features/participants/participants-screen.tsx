// The roster: search, create, edit, deactivate, rotate a QR token, print badges for a group.
import type { Participant } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { client, db, engine, remote } from '../../app-context.ts';
import { formatLocale, useT } from '../../i18n/i18n.ts';
import { attempt, useRemote } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';
import { AttendanceHistory } from './attendance-history.tsx';
import { BadgeSheet } from './badge-sheet.tsx';
import { ImportPanel } from '../imports/import-panel.tsx';
import { participantsImport } from '../imports/import-kinds.ts';
import { ParticipantForm } from './participant-form.tsx';

export function ParticipantsScreen() {
  const login = useSession((s) => s.login);
  const canWrite = login?.user.role === 'admin';
  const [q, setQ] = useState('');
  const { data, error, reload } = useRemote(
    remote.participants.list({ limit: 200, ...(q.length >= 2 ? { q } : {}) }),
  );
  const groups = useLiveQuery(() => db.groups.toArray(), []) ?? [];
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);
  const [badges, setBadges] = useState<{ title: string; people: Participant[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [history, setHistory] = useState<Participant | null>(null);
  const [importing, setImporting] = useState(false);
  const t = useT('participants');
  const done = async () => {
    setEditing(null);
    await reload();
    void engine.syncNow();
  };
  const rotate = async (p: Participant) => {
    if (!window.confirm(t('rotateConfirm', { name: p.firstName }))) return;
    if (await attempt(() => client.participants.rotateQr(p.id), setProblem)) await done();
  };
  const printGroup = async (groupId: string) => {
    const all = await client.participants.list({ limit: 1000 });
    const g = groups.find((x) => x.id === groupId);
    setBadges({
      title: g?.name ?? t('everyone'),
      people: all.items.filter((p) => p.active && (!groupId || p.groupIds.includes(groupId))),
    });
  };
  if (badges && login)
    return (
      <BadgeSheet
        organizationId={login.organization.id}
        participants={badges.people}
        title={badges.title}
        onClose={() => setBadges(null)}
      />
    );
  return (
    <main className="screen wide-screen">
      <h1>
        {t('title')}{' '}
        <span className="muted">({data?.total.toLocaleString(formatLocale()) ?? '…'})</span>
      </h1>
      <div className="row">
        <input
          className="grow"
          type="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        {canWrite && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('newParticipant')}
          </button>
        )}
        {canWrite && (
          <button
            type="button"
            className="secondary"
            aria-pressed={importing}
            onClick={() => setImporting((v) => !v)}
          >
            {t('importCsv')}
          </button>
        )}
        <select
          aria-label={t('printBadgesFor')}
          value=""
          onChange={(e) => void printGroup(e.target.value === '*' ? '' : e.target.value)}
        >
          <option value="">{t('printBadges')}</option>
          <option value="*">{t('everyone')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      {importing && <ImportPanel kind={participantsImport} onDone={done} />}
      {history && (
        <AttendanceHistory key={history.id} p={history} onClose={() => setHistory(null)} />
      )}
      {editing && (
        <ParticipantForm p={editing === 'new' ? null : editing} groups={groups} onDone={done} />
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('col.name')}</th>
            <th>{t('col.code')}</th>
            <th>{t('col.key')}</th>
            <th>{t('col.groups')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.items.map((p) => (
            <tr key={p.id} className={p.active ? '' : 'revoked'}>
              <td>
                <span translate="no">
                  {p.firstName} {p.lastName}
                  {p.preferredName ? ` (${p.preferredName})` : ''}
                </span>
                {!p.active && <span className="tag error">{t('inactive')}</span>}
              </td>
              <td>{p.personalCode}</td>
              <td translate="no">{p.externalKey ?? '—'}</td>
              <td translate="no">
                {p.groupIds
                  .map((id) => groups.find((g) => g.id === id)?.name)
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td className="actions">
                {canWrite && (
                  <button type="button" className="secondary" onClick={() => setEditing(p)}>
                    {t('edit')}
                  </button>
                )}
                {canWrite && (
                  <button type="button" className="link" onClick={() => void rotate(p)}>
                    {t('rotateQr')}
                  </button>
                )}
                <button type="button" className="link" onClick={() => setHistory(p)}>
                  {t('history')}
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() => setBadges({ title: `${p.firstName} ${p.lastName}`, people: [p] })}
                >
                  {t('badge')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
