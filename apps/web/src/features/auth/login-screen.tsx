// Online once: afterwards the stored device credentials open the app offline. An account with
// two-step sign-in answers the password with a second step: a code from the authenticator app
// (or one of the recovery codes).
import { useState } from 'react';
import { ApiError } from '../../sync/api.ts';
import { deviceKind, rememberedDeviceName } from '../devices/device-name.ts';
import { signIn, signInWithCode } from './sign-in.ts';

const messageOf = (e: unknown) =>
  e instanceof ApiError && e.status === 0
    ? 'No connection: signing in needs the network once.'
    : e instanceof Error
      ? e.message
      : String(e);

export function LoginScreen() {
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
      setError(messageOf(e));
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
          <h1>Rollcall</h1>
        </div>
        <p className="muted">Sign in once with the network; after that the app works offline.</p>
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
              <span className="label">Email</span>
              <input
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label>
              <span className="label">Password</span>
              <input
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <label>
              <span className="label">Device name</span>
              <input
                type="text"
                autoComplete="off"
                maxLength={100}
                aria-describedby="device-name-hint"
                value={deviceName}
                onChange={(e) => setDeviceName(e.target.value)}
              />
              <span id="device-name-hint" className="muted">
                How admins will recognise this device, e.g. “Front door tablet”.
              </span>
            </label>
            <button type="submit" className="primary big" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
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
  return (
    <form
      className="login-form"
      aria-label="Two-step sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        void onCode(code);
      }}
    >
      <label>
        <span className="label">Authentication code</span>
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
          The 6 digits your authenticator app shows for Rollcall, or one of your recovery codes.
        </span>
      </label>
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? 'Checking…' : 'Verify'}
      </button>
      <button type="button" className="link" onClick={onBack}>
        Use a different account
      </button>
    </form>
  );
}
