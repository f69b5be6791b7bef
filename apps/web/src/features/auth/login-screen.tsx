// Online once: afterwards the stored device credentials open the app offline.
import { useState } from 'react';
import { ApiError } from '../../sync/api.ts';
import { deviceKind, rememberedDeviceName } from '../devices/device-name.ts';
import { signIn } from './sign-in.ts';

export function LoginScreen() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Admins see this name on the live page and conflict cards: offer what this browser used last,
  // else what the device is ("Android phone"), and let the usher say which door it is.
  const [deviceName, setDeviceName] = useState(
    () => rememberedDeviceName() ?? deviceKind(navigator.userAgent),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, deviceName);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 0
          ? 'No connection: signing in needs the network once.'
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen login">
      <h1>Rollcall</h1>
      <p className="muted">Sign in once with the network; after that the app works offline.</p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
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
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
