// The signed-in user's own account: change the password (the server applies the same policy as
// everywhere, and signs the other devices out), and two-step sign-in: set it up with an
// authenticator app, see the recovery codes once, or turn it off.
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import type { TotpStatus as Status } from '@rollcall/shared';
import { api } from '../../app-context.ts';
import { attempt, useRemote } from '../../lib/use-remote.ts';
import { useSession } from '../auth/session-store.ts';

export function AccountScreen() {
  const login = useSession((s) => s.login);
  return (
    <main className="screen">
      <h1>My account</h1>
      {login && (
        <p className="muted">
          {login.user.displayName} · {login.user.email}
        </p>
      )}
      <PasswordCard />
      <TwoStepCard />
    </main>
  );
}

function PasswordCard() {
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setDone(false);
    if (f.get('newPassword') !== f.get('repeat')) {
      setProblem('The new password and its repetition differ');
      return;
    }
    const body = { currentPassword: f.get('currentPassword'), newPassword: f.get('newPassword') };
    if (await attempt(() => api.post('/api/v1/me/password', body), setProblem)) {
      setProblem(null);
      setDone(true);
      form.reset();
    }
  };
  return (
    <form className="card" aria-label="Change password" onSubmit={(e) => void submit(e)}>
      <h2>Password</h2>
      <label>
        <span className="label">Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        <span className="label">New password</span>
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="new-password-hint"
        />
        <span id="new-password-hint" className="muted">
          At least 12 characters for administrators and managers; not a common password.
        </span>
      </label>
      <label>
        <span className="label">New password again</span>
        <input name="repeat" type="password" autoComplete="new-password" required />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {done && <p role="status">Password changed. Your other devices were signed out.</p>}
      <button type="submit" className="primary">
        Change password
      </button>
    </form>
  );
}

function TwoStepCard() {
  const status = useRemote<Status>('/api/v1/me/totp');
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const begin = () =>
    attempt(async () => {
      setSetup(await api.post<{ secret: string; uri: string }>('/api/v1/me/totp', undefined));
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
        <p>
          Off. With it on, signing in asks for a code from an authenticator app on your phone after
          the password, so a stolen password alone does not open your account.
        </p>
        <button type="button" className="primary" onClick={() => void begin()}>
          Set up two-step sign-in
        </button>
      </>
    );
  return (
    <section className="card" aria-label="Two-step sign-in">
      <h2>Two-step sign-in</h2>
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
      codes = (await api.post<{ recoveryCodes: string[] }>('/api/v1/me/totp/confirm', { code }))
        .recoveryCodes;
    }, setProblem);
    if (ok) await onEnabled(codes);
  };
  return (
    <form
      className="account-steps"
      aria-label="Set up two-step sign-in"
      onSubmit={(e) => void submit(e)}
    >
      <p>1. Scan this code with an authenticator app (Google Authenticator, Aegis, 1Password…).</p>
      {qr && <img className="totp-qr" src={qr} alt="QR code for your authenticator app" />}
      <p>Or enter this key by hand:</p>
      <p>
        <code className="totp-secret" data-testid="totp-secret" data-secret={setup.secret}>
          {grouped(setup.secret)}
        </code>
      </p>
      <details>
        <summary>The setup link</summary>
        <code className="totp-uri">{setup.uri}</code>
      </details>
      <label>
        <span className="label">2. The 6-digit code the app shows</span>
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
        Turn on
      </button>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  return (
    <div className="account-steps">
      <p role="status">Two-step sign-in is on.</p>
      <p>
        Keep these recovery codes somewhere safe: each signs you in once if you lose your phone.
        They are shown only now.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}

function TurnOff({ left, onOff }: { left: number; onOff(): Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password'));
    if (await attempt(() => api.post('/api/v1/me/totp/disable', { password }), setProblem))
      await onOff();
  };
  return (
    <form
      className="account-steps"
      aria-label="Turn off two-step sign-in"
      onSubmit={(e) => void submit(e)}
    >
      <p>
        On. {left} recovery code{left === 1 ? '' : 's'} left.
      </p>
      <label>
        <span className="label">Password, to turn it off</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="secondary">
        Turn off two-step sign-in
      </button>
    </form>
  );
}
