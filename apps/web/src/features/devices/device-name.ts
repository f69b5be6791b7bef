// A device's name is how admins tell devices apart on the live page, conflict cards and the sync
// history ("Front door tablet"), so it is chosen at sign-in and editable later. The default is a
// kind people recognise, read from the user agent, never the user-agent string itself.
import { client } from '../../app-context.ts';
import { translate } from '../../i18n/i18n.ts';

const KEY = 'rollcall.deviceName';

type Kind =
  `kind.${'iPad' | 'iPhone' | 'androidPhone' | 'androidTablet' | 'chromebook' | 'windows' | 'mac' | 'linux' | 'browser'}`;

function kindOf(ua: string): Kind {
  if (/iPad/.test(ua) || (/Macintosh/.test(ua) && /Mobile\//.test(ua))) return 'kind.iPad';
  if (/iPhone|iPod/.test(ua)) return 'kind.iPhone';
  if (/Android/.test(ua)) return /Mobile/.test(ua) ? 'kind.androidPhone' : 'kind.androidTablet';
  if (/CrOS/.test(ua)) return 'kind.chromebook';
  if (/Windows/.test(ua)) return 'kind.windows';
  if (/Macintosh|Mac OS X/.test(ua)) return 'kind.mac';
  if (/Linux/.test(ua)) return 'kind.linux';
  return 'kind.browser';
}

/** "iPad", "Android phone", "Windows laptop"…: what the device is, in the language in use (the
 * name is then the device's own: it stays as first given when the language changes). */
export function deviceKind(ua: string): string {
  return translate('devices')(kindOf(ua));
}

/** "Ana's Android phone" once the user is known, else the kind alone. */
export function defaultDeviceName(ua: string, displayName?: string): string {
  const first = displayName?.trim().split(/\s+/)[0];
  const kind = deviceKind(ua);
  return first ? translate('devices')('ownDevice', { name: first, kind }) : kind;
}

/** The name this browser last used: it outlives a sign-out, so the next sign-in offers it. */
export function rememberedDeviceName(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberDeviceName(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // Private mode without storage: the name is still on the server.
  }
}

/** Renames this device on the server (online only): admins see the new name on their screens. */
export async function renameDevice(name: string): Promise<string> {
  const res = await client.me.renameDevice({ name });
  rememberDeviceName(res.name);
  return res.name;
}
