// Online once: afterwards the stored device credentials open the app offline. An account with
// two-step sign-in answers the password with a second step: a code from the authenticator app
// (or one of the recovery codes).
import { useState } from 'react';
import { useT, type T } from '../../i18n/i18n.ts';
import { ApiError } from '../../sync/api.ts';
import { deviceKind, rememberedDeviceName } from '../devices/device-name.ts';
import { signIn, signInWithCode } from './sign-in.ts';
import { errorText } from '../../lib/error-text.ts';

// The server's refusals this screen words itself; others as every screen words them.
const WORDED = ['invalid_credentials', 'invalid_code'] as const;

const messageOf = (e: unknown, t: T<'auth'>) => {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  if (e.status === 0) return t('noConnection');
  const code = WORDED.find((c) => c === e.code);
  return code ? t(`error.${code}`) : errorText(e);
};

export function LoginScreen() {
  const t = useT('auth');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Admins see this name on the live page and conflict cards: offer what this browser used last,
  // else what the device is ("Android phone"), and let the usher say which door it is.
  const [deviceName, setDeviceName] = useState(
    () => rememberedDeviceName() ?? deviceKind(navigator.userAgent),
  );
  const [challenge, setChallenge] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      // An expired second step starts over from the password.
      if (e instanceof ApiError && e.code === 'challenge_invalid') setChallenge(null);
      setError(messageOf(e, t));
    } finally {
      setBusy(false);
    }
  };
  const submitPassword = () =>
    run(async () => {
      const next = await signIn(email, password, deviceName);
      if (next) setChallenge(next.challenge);
    });

  return (
    <main className="screen login">
      <div className="login-card card">
        <div className="login-brand">
          <span className="login-mark" aria-hidden="true">
            ✓
          </span>
          <h1 translate="no">Rollcall</h1>
        </div>
        <p className="muted">{t('signInIntro')}</p>
        {challenge ? (
          <CodeForm
            busy={busy}
            onCode={(code) => run(() => signInWithCode(challenge, code, deviceName))}
            onBack={() => {
              setChallenge(null);
              setError(null);
            }}
          />
        ) : (
          <form
            className="login-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submitPassword();
            }}
          >
            <label>
              <span className="label">{t('email')}</span>
              <input
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label>
              <span className="label">{t('password')}</span>
              <input
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <label>
              <span className="label">{t('deviceName')}</span>
              <input
                type="text"
                autoComplete="off"
                maxLength={100}
                aria-describedby="device-name-hint"
                value={deviceName}
                onChange={(e) => setDeviceName(e.target.value)}
              />
              <span id="device-name-hint" className="muted">
                {t('deviceNameHint')}
              </span>
            </label>
            <button type="submit" className="primary big" disabled={busy}>
              {busy ? t('signingIn') : t('signIn')}
            </button>
          </form>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}

function CodeForm({
  busy,
  onCode,
  onBack,
}: {
  busy: boolean;
  onCode(code: string): Promise<void>;
  onBack(): void;
}) {
  const [code, setCode] = useState('');
  const t = useT('auth');
  return (
    <form
      className="login-form"
      aria-label={t('twoStep')}
      onSubmit={(e) => {
        e.preventDefault();
        void onCode(code);
      }}
    >
      <label>
        <span className="label">{t('code')}</span>
        <input
          type="text"
          autoComplete="one-time-code"
          autoFocus
          required
          minLength={6}
          maxLength={20}
          aria-describedby="code-hint"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <span id="code-hint" className="muted">
          {t('codeHint')}
        </span>
      </label>
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? t('checking') : t('verify')}
      </button>
      <button type="button" className="link" onClick={onBack}>
        {t('otherAccount')}
      </button>
    </form>
  );
}
