// Signing in and out, in one place: what a new account stores, and what a sign-out forgets and
// keeps (the outbox and the device's counters: see forgetAccount).
import type { LoginResponse } from '@rollcall/shared';
import { api, APP_VERSION, db, engine } from '../../app-context.ts';
import { forgetAccount } from '../../db/meta.ts';
import { deviceKind, rememberDeviceName } from '../devices/device-name.ts';
import { useSession } from './session-store.ts';

const nameFor = (deviceName: string) =>
  deviceName.trim().slice(0, 100) || deviceKind(navigator.userAgent);

/** What the password step asks for next when the account has two-step sign-in. */
export interface CodeNeeded {
  challenge: string;
}

/**
 * Online once: registers this device for the account and stores its credentials, or, for an
 * account with two-step sign-in, returns the challenge to send with a code (signInWithCode).
 */
export async function signIn(
  email: string,
  password: string,
  deviceName = '',
): Promise<CodeNeeded | null> {
  const name = nameFor(deviceName);
  const res = await api.login({ email, password, deviceName: name, appVersion: APP_VERSION });
  if ('totpRequired' in res) return { challenge: res.challenge };
  await store(res, name);
  return null;
}

/** The second step: a code from the authenticator app, or a recovery code. */
export async function signInWithCode(challenge: string, code: string, deviceName = '') {
  const name = nameFor(deviceName);
  const res = await api.loginWithCode({
    challenge,
    code: code.trim(),
    deviceName: name,
    appVersion: APP_VERSION,
  });
  await store(res, name);
}

async function store(res: LoginResponse, name: string) {
  rememberDeviceName(name);
  const { credentials, ...login } = res;
  await db.meta.bulkPut([
    { key: 'credentials', value: credentials },
    { key: 'login', value: login },
  ]);
  useSession.getState().setLogin(login);
  engine.unblock();
  await engine.syncNow();
}

export type SignOutResult = { signedOut: true } | { signedOut: false; pending: number };

/** Refuses while changes wait for the server: signing out would leave them with no account. */
export async function signOut(): Promise<SignOutResult> {
  await engine.refreshCounts();
  const pending = engine.getStatus().pending;
  if (pending > 0) return { signedOut: false, pending };
  await api.logout().catch(() => {});
  await forgetAccount(db);
  useSession.getState().setLogin(null);
  return { signedOut: true };
}
