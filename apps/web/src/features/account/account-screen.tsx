// The signed-in user's own account: change the password (the server applies the same policy as
// everywhere, and signs the other devices out), and two-step sign-in: set it up with an
// authenticator app, see the recovery codes once, or turn it off.
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { client, remote } from '../../app-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { attempt, useRemote } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';

export function AccountScreen() {
  const login = useSession((s) => s.login);
  const t = useT('account');
  return (
    <main className="screen">
      <h1>{t('title')}</h1>
      {login && (
        <p className="muted" translate="no">
          {login.user.displayName} · {login.user.email}
        </p>
      )}
      <PasswordCard />
      <TwoStepCard />
    </main>
  );
}

function PasswordCard() {
  const t = useT('account');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setDone(false);
    if (f.get('newPassword') !== f.get('repeat')) {
      setProblem(t('passwordsDiffer'));
      return;
    }
    const body = {
      currentPassword: String(f.get('currentPassword')),
      newPassword: String(f.get('newPassword')),
    };
    if (await attempt(() => client.me.changePassword(body), setProblem)) {
      setProblem(null);
      setDone(true);
      form.reset();
    }
  };
  return (
    <form className="card" aria-label={t('changePassword')} onSubmit={(e) => void submit(e)}>
      <h2>{t('password')}</h2>
      <label>
        <span className="label">{t('currentPassword')}</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        <span className="label">{t('newPassword')}</span>
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="new-password-hint"
        />
        <span id="new-password-hint" className="muted">
          {t('newPasswordHint')}
        </span>
      </label>
      <label>
        <span className="label">{t('newPasswordAgain')}</span>
        <input name="repeat" type="password" autoComplete="new-password" required />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {done && <p role="status">{t('passwordChanged')}</p>}
      <button type="submit" className="primary">
        {t('changePassword')}
      </button>
    </form>
  );
}

function TwoStepCard() {
  const t = useT('account');
  const status = useRemote(remote.me.totpStatus());
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const begin = () =>
    attempt(async () => {
      setSetup(await client.me.startTotp());
      setProblem(null);
    }, setProblem);

  let body;
  if (recoveryCodes)
    body = <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  else if (setup)
    body = (
      <Enrolment
        setup={setup}
        onEnabled={async (codes) => {
          setSetup(null);
          setRecoveryCodes(codes);
          await status.reload();
        }}
      />
    );
  else if (status.data?.enabled)
    body = <TurnOff left={status.data.recoveryCodesLeft} onOff={() => status.reload()} />;
  else if (status.data)
    body = (
      <>
        <p>{t('offExplained')}</p>
        <button type="button" className="primary" onClick={() => void begin()}>
          {t('setUp')}
        </button>
      </>
    );
  return (
    <section className="card" aria-label={t('twoStep')}>
      <h2>{t('twoStep')}</h2>
      {status.error && <p className="error-text">{status.error}</p>}
      {body}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** The secret in groups of four, the way people type it into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function Enrolment({
  setup,
  onEnabled,
}: {
  setup: { secret: string; uri: string };
  onEnabled(codes: string[]): Promise<void>;
}) {
  const t = useT('account');
  const [qr, setQr] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(setup.uri, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }).then(
      (url) => live && setQr(url),
    );
    return () => {
      live = false;
    };
  }, [setup.uri]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code')).trim();
    let codes: string[] = [];
    const ok = await attempt(async () => {
      codes = (await client.me.confirmTotp({ code })).recoveryCodes;
    }, setProblem);
    if (ok) await onEnabled(codes);
  };
  return (
    <form className="account-steps" aria-label={t('setUp')} onSubmit={(e) => void submit(e)}>
      <p>{t('scan')}</p>
      {qr && <img className="totp-qr" src={qr} alt={t('qrAlt')} />}
      <p>{t('byHand')}</p>
      <p>
        <code
          className="totp-secret"
          data-testid="totp-secret"
          data-secret={setup.secret}
          translate="no"
        >
          {grouped(setup.secret)}
        </code>
      </p>
      <details>
        <summary>{t('setupLink')}</summary>
        <code className="totp-uri" translate="no">
          {setup.uri}
        </code>
      </details>
      <label>
        <span className="label">{t('code')}</span>
        <input
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
        />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        {t('turnOn')}
      </button>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const t = useT('account');
  return (
    <div className="account-steps">
      <p role="status">{t('isOn')}</p>
      <p>{t('keepCodes')}</p>
      <ul className="recovery-codes" aria-label={t('recoveryCodes')}>
        {codes.map((c) => (
          <li key={c}>
            <code translate="no">{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={onDone}>
        {t('savedThem')}
      </button>
    </div>
  );
}

function TurnOff({ left, onOff }: { left: number; onOff(): Promise<void> }) {
  const t = useT('account');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password'));
    if (await attempt(() => client.me.disableTotp({ password }), setProblem)) await onOff();
  };
  return (
    <form className="account-steps" aria-label={t('turnOffForm')} onSubmit={(e) => void submit(e)}>
      <p>{t('onLeft', { count: left })}</p>
      <label>
        <span className="label">{t('passwordToTurnOff')}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="secondary">
        {t('turnOff')}
      </button>
    </form>
  );
}
