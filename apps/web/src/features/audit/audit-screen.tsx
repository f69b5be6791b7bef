// The audit log: who changed what and when, old and new values, from which device; filter and
// export as CSV. Read-only by design (the server and the database refuse edits).
import { useState } from 'react';
import type { AuditFilters } from '@rollcall/shared';
import { client, remote } from '../../app-context.ts';
import { formatLocale, useT, type T } from '../../i18n/i18n.ts';
import type { Messages } from '../../i18n/messages.ts';
import { downloadFile, useRemote, when } from '../../lib/use-remote.ts';
import { en } from './messages.ts';

interface Filters {
  entity: string;
  entityId: string;
  userId: string;
  action: string;
  from: string;
  to: string;
}

function query(f: Filters): AuditFilters {
  return {
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId.trim() } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.action ? { action: f.action.trim() } : {}),
    ...(f.from ? { from: new Date(`${f.from}T00:00:00`).toISOString() } : {}),
    ...(f.to ? { to: new Date(`${f.to}T23:59:59.999`).toISOString() } : {}),
  };
}

const ENTITIES = [
  'sync_conflict',
  'presence_record',
  'participant',
  'session',
  'group',
  'user',
  'usher_assignment',
  'device',
  'excuse',
  'sync_rejection',
  'organization',
  'presence_state',
  'import',
] as const;

type Key = Parameters<T<'audit'>>[0];

/** A code's words when the catalog knows it (`action.resolve_conflict`), else the code itself: the
 * server may record actions this version of the app has never heard of. */
function known(t: T<'audit'>, prefix: 'action' | 'entity' | 'source' | 'role', code: string) {
  const key = `${prefix}.${code}`;
  return key in (en as Messages) ? t(key as Key) : code;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

export function AuditScreen() {
  const t = useT('audit');
  const [f, setF] = useState<Filters>({
    entity: '',
    entityId: '',
    userId: '',
    action: '',
    from: '',
    to: '',
  });
  const users = useRemote(remote.users.list()).data?.items ?? [];
  const q = query(f);
  const { data, error } = useRemote(remote.audit.list({ limit: 200, ...q }));
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const exportCsv = () => downloadFile(client.audit.exportCsv(q), 'rollcall-audit.csv');
  return (
    <main className="screen wide-screen">
      <h1>
        {t('title')}{' '}
        <span className="muted">({data?.total.toLocaleString(formatLocale()) ?? '…'})</span>
      </h1>
      <form className="filters" aria-label={t('filter')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span className="label">{t('recordKind')}</span>
          <select value={f.entity} onChange={set('entity')}>
            <option value="">{t('all')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`entity.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">{t('recordId')}</span>
          <input value={f.entityId} onChange={set('entityId')} />
        </label>
        <label>
          <span className="label">{t('user')}</span>
          <select value={f.userId} onChange={set('userId')}>
            <option value="">{t('anyone')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {t('userRole', { name: u.displayName, role: known(t, 'role', u.role) })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">{t('action')}</span>
          <input value={f.action} onChange={set('action')} placeholder={t('actionExample')} />
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
      <div className="row">
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          {t('exportCsv')}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('col.when')}</th>
            <th>{t('col.who')}</th>
            <th>{t('col.action')}</th>
            <th>{t('col.record')}</th>
            <th>{t('col.before')}</th>
            <th>{t('col.after')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((a) => (
            <tr key={a.id}>
              <td>{when(a.at)}</td>
              <td>
                <span translate="no">{a.userName ?? '—'}</span> ·{' '}
                {a.deviceName || a.deviceId ? (
                  <span translate="no">{a.deviceName ?? a.deviceId?.slice(-8)}</span>
                ) : (
                  known(t, 'source', a.source)
                )}
              </td>
              <td>{known(t, 'action', a.action)}</td>
              <td>
                {known(t, 'entity', a.entity)}{' '}
                <span className="muted" translate="no">
                  {a.entityId.slice(-8)}
                </span>
              </td>
              <td className="json" translate="no">
                {show(a.oldValues)}
              </td>
              <td className="json" translate="no">
                {show(a.newValues)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
