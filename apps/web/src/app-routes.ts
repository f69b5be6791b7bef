// Every screen has a URL: the back button moves between screens, a reload (online or offline, the
// service worker serves index.html for any navigation) reopens the same one, and notifications,
// badges and bookmarks link straight to it.

export type Screen =
  | { name: 'sessions' }
  | { name: 'checkin'; sessionId: string }
  | { name: 'live'; sessionId: string }
  | { name: 'conflicts'; focus?: string }
  | { name: 'history'; focus?: string }
  | { name: 'devices' }
  | { name: 'ushers' }
  | { name: 'participants' }
  | { name: 'excuses' }
  | { name: 'audit' }
  | { name: 'schedule' }
  | { name: 'reports' }
  | { name: 'settings' }
  | { name: 'account' };

const enc = encodeURIComponent;

export function pathFor(screen: Screen): string {
  switch (screen.name) {
    case 'sessions':
      return '/sessions';
    case 'checkin':
      return `/sessions/${enc(screen.sessionId)}/check-in`;
    case 'live':
      return `/admin/live/${enc(screen.sessionId)}`;
    case 'conflicts':
    case 'history':
      return `/admin/${screen.name}${screen.focus ? `/${enc(screen.focus)}` : ''}`;
    default:
      return `/admin/${screen.name}`;
  }
}

const PLAIN_ADMIN = [
  'devices',
  'ushers',
  'participants',
  'excuses',
  'audit',
  'schedule',
  'reports',
  'settings',
  'account',
] as const;

/** The screen a path names, or null for a path that names none (the app then shows the list). */
export function screenFor(path: string): Screen | null {
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [a, b, c, d] = parts;
  if (a === 'sessions' && parts.length === 1) return { name: 'sessions' };
  if (a === 'sessions' && b && c === 'check-in' && !d) return { name: 'checkin', sessionId: b };
  if (a !== 'admin' || !b || d) return null;
  if (b === 'live') return c ? { name: 'live', sessionId: c } : null;
  if (b === 'conflicts' || b === 'history') return c ? { name: b, focus: c } : { name: b };
  const plain = PLAIN_ADMIN.find((n) => n === b);
  return plain && !c ? { name: plain } : null;
}

const ADMIN_ONLY: Screen['name'][] = ['audit', 'settings'];

/** Admins and managers (read-only) see the admin side; ushers only sessions and the door. */
export function allowed(screen: Screen, role: string | undefined): boolean {
  if (screen.name === 'sessions' || screen.name === 'checkin') return true;
  if (ADMIN_ONLY.includes(screen.name)) return role === 'admin';
  return role === 'admin' || role === 'manager';
}
