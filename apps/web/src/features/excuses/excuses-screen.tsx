// Excuses: admins and leaders submit one for a participant and a session (with an optional file);
// an admin approves (the record becomes `excused` on every device) or rejects.
import type { Excuse, Participant } from '@rollcall/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { client, db, engine, remote } from '../../app-context.ts';
import { attempt, downloadFile, useRemote, when } from '../../lib/use-remote.ts';
import { useT } from '../../i18n/i18n.ts';
import { useSession } from '../auth/session-store.ts';
import { dateIn } from '../../lib/zone-format.ts';

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

const STATUSES = ['pending', 'approved', 'rejected'] as const;
type Status = (typeof STATUSES)[number];

function NewExcuse({ onDone }: { onDone(): Promise<void> }) {
  const sessions =
    useLiveQuery(() => db.sessions.orderBy('scheduledStart').reverse().limit(50).toArray(), []) ??
    [];
  const participants = useLiveQuery(() => db.participants.orderBy('lastName').toArray(), []) ?? [];
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT('excuses');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const file = f.get('file');
    const attachment =
      file instanceof File && file.size > 0
        ? {
            name: file.name,
            type: file.type || 'application/octet-stream',
            base64: await toBase64(file),
          }
        : undefined;
    const body = {
      sessionId: String(f.get('sessionId')),
      participantId: String(f.get('participantId')),
      reason: String(f.get('reason')),
      ...(attachment ? { attachment } : {}),
    };
    if (await attempt(() => client.excuses.submit(body), setProblem)) {
      form.reset();
      await onDone();
    }
  };
  return (
    <form className="card" aria-label={t('newExcuse')} onSubmit={(e) => void submit(e)}>
      <h2>{t('newExcuse')}</h2>
      <div className="form-grid">
        <label>
          <span className="label">{t('session')}</span>
          <select name="sessionId" required>
            {sessions.map((s) => (
              <option key={s.id} value={s.id} translate="no">
                {s.name} · {dateIn(s.scheduledStart)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">{t('participant')}</span>
          <select name="participantId" required>
            {participants.map((p: Participant) => (
              <option key={p.id} value={p.id} translate="no">
                {p.lastName}, {p.firstName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">{t('reason')}</span>
          <input name="reason" required maxLength={2000} />
        </label>
        <label>
          <span className="label">{t('file')}</span>
          <input name="file" type="file" />
        </label>
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        {t('submit')}
      </button>
    </form>
  );
}

export function ExcusesScreen() {
  const canDecide = useSession((s) => s.login?.user.role === 'admin');
  const t = useT('excuses');
  // A status this app has words for is said in them; one from a newer server shows as sent.
  const statusLabel = (code: string) =>
    STATUSES.includes(code as Status) ? t(`status.${code as Status}`) : code;
  const [status, setStatus] = useState<Status | ''>('pending');
  const { data, error, reload } = useRemote(remote.excuses.list(status ? { status } : {}));
  const [problem, setProblem] = useState<string | null>(null);
  const decide = async (x: Excuse, verb: 'approve' | 'reject') => {
    if (await attempt(() => client.excuses[verb](x.id, {}), setProblem)) {
      await reload();
      void engine.syncNow();
    }
  };
  const download = (x: Excuse) =>
    attempt(
      () => downloadFile(client.excuses.attachment(x.id), x.attachmentName ?? t('attachment')),
      setProblem,
    );
  return (
    <main className="screen wide-screen">
      <h1>{t('title')}</h1>
      <label className="inline">
        <span className="label">{t('show')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
          <option value="">{t('all')}</option>
        </select>
      </label>
      {(error ?? problem) && (
        <p className="error-text" role="alert">
          {error ?? problem}
        </p>
      )}
      {data?.items.length === 0 && (
        <p className="muted">
          {STATUSES.includes(status as Status) ? t(`none.${status as Status}`) : t('none')}
        </p>
      )}
      <ul className="plain-list">
        {data?.items.map((x) => (
          <li key={x.id} className="card">
            <div className="row">
              <strong className="grow" translate="no">
                {x.participantName}
              </strong>
              <span className="muted">
                <span translate="no">{x.sessionName}</span> · {dateIn(x.sessionStart)}
              </span>
              <span className="tag">{statusLabel(x.status)}</span>
            </div>
            <p translate="no">{x.reason}</p>
            <p className="muted">
              {t('submitted', { by: x.submittedBy ?? '—', time: when(x.submittedAt) })}
              {x.decidedBy &&
                (x.status === 'approved' || x.status === 'rejected') &&
                t(`decided.${x.status}`, { by: x.decidedBy })}
            </p>
            <div className="row">
              {x.attachmentName && (
                <button
                  type="button"
                  className="link"
                  translate="no"
                  onClick={() => void download(x)}
                >
                  {x.attachmentName}
                </button>
              )}
              {canDecide && x.status === 'pending' && (
                <>
                  <button
                    type="button"
                    className="primary"
                    onClick={() => void decide(x, 'approve')}
                  >
                    {t('approve')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void decide(x, 'reject')}
                  >
                    {t('reject')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <NewExcuse onDone={reload} />
    </main>
  );
}
