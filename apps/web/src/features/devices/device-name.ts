// A device's name is how admins tell devices apart on the live page, conflict cards and the sync
// history ("Front door tablet"), so it is chosen at sign-in and editable later. The default is a
// kind people recognise, read from the user agent, never the user-agent string itself.
import { api } from '../../app-context.ts';

const KEY = 'rollcall.deviceName';

/** "iPad", "Android phone", "Windows laptop"…: what the device is, in words. */
export function deviceKind(ua: string): string {
  if (/iPad/.test(ua) || (/Macintosh/.test(ua) && /Mobile\//.test(ua))) return 'iPad';
  if (/iPhone|iPod/.test(ua)) return 'iPhone';
  if (/Android/.test(ua)) return /Mobile/.test(ua) ? 'Android phone' : 'Android tablet';
  if (/CrOS/.test(ua)) return 'Chromebook';
  if (/Windows/.test(ua)) return 'Windows computer';
  if (/Macintosh|Mac OS X/.test(ua)) return 'Mac';
  if (/Linux/.test(ua)) return 'Linux computer';
  return 'Browser';
}

/** "Ana's Android phone" once the user is known, else the kind alone. */
export function defaultDeviceName(ua: string, displayName?: string): string {
  const first = displayName?.trim().split(/\s+/)[0];
  return first ? `${first}'s ${deviceKind(ua)}` : deviceKind(ua);
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
  const res = await api.patch<{ name: string }>('/api/v1/me/device', { name });
  rememberDeviceName(res.name);
  return res.name;
}
