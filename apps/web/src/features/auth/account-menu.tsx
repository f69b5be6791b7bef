// The app's header: the navigation (a menu button and a list on a phone, one row on a laptop),
// who is signed in, this device's name, and signing out. Logging out with changes still queued
// would lose them: refuse, explain, and offer an export.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { db } from '../../app-context.ts';
import { allowed, pathFor, screenFor, type Screen } from '../../app-routes.ts';
import { useT } from '../../i18n/i18n.ts';
import { DeviceNameControl } from '../devices/device-name-control.tsx';
import { useSyncStatus } from '../sync/status-bar.tsx';
import { LanguageChoice } from './language-choice.tsx';
import { useSession } from './session-store.ts';
import { signOut } from './sign-in.ts';

async function exportPending() {
  const entries = await db.outbox.toArray();
  const blob = new Blob(
    [JSON.stringify({ exportedAt: new Date().toISOString(), entries }, null, 2)],
    { type: 'application/json' },
  );
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `rollcall-pending-${Date.now()}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

// Ushers see Sessions; admins and managers (read-only) the admin side; admins the audit log and
// settings too (app-routes.ts `allowed`). Admins' and managers' own account (password, two-step
// sign-in) sits with signing out, beside the screens.
const SCREENS = [
  'sessions',
  'conflicts',
  'reports',
  'history',
  'devices',
  'ushers',
  'participants',
  'schedule',
  'excuses',
  'audit',
  'settings',
] as const satisfies Screen['name'][];

/** The open screen's section: the check-in screen belongs to Sessions, a focused conflict to Conflicts. */
function section(path: string): Screen['name'] | null {
  const s = screenFor(path);
  return s?.name === 'checkin' ? 'sessions' : (s?.name ?? null);
}

/** The menu on a phone: opens from its button, closes on a navigation, Escape or a tap outside. */
function useMenu() {
  const [open, setOpen] = useState(false);
  const [path] = useLocation();
  const toggle = useRef<HTMLButtonElement>(null);
  const header = useRef<HTMLElement>(null);
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!header.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return { open, setOpen, toggle, header, onKeyDown, current: section(path) };
}

export function AccountMenu() {
  const login = useSession((s) => s.login);
  const status = useSyncStatus();
  const [refusal, setRefusal] = useState<string | null>(null);
  const station = useSession((s) => s.station);
  const menu = useMenu();
  const menuId = useId();
  const t = useT('auth');
  if (!login) return null;
  // A locked station shows no navigation: an usher hands it to volunteers at a door.
  if (station)
    return (
      <nav className="top-nav" aria-label={t('main')}>
        <span className="grow muted">
          {t('stationOf')} · <span translate="no">{login.organization.name}</span>
        </span>
      </nav>
    );
  const role = login.user.role;

  const logout = async () => {
    const out = await signOut();
    if (out.signedOut) return;
    const { pending } = out;
    setRefusal(t('signOutRefused', { count: pending }));
  };

  return (
    <header
      ref={menu.header}
      className="top-nav"
      data-open={menu.open ? 'true' : 'false'}
      onKeyDown={menu.onKeyDown}
    >
      <button
        ref={menu.toggle}
        type="button"
        className="nav-toggle secondary"
        aria-expanded={menu.open}
        aria-controls={menuId}
        onClick={() => menu.setOpen((o) => !o)}
      >
        <span aria-hidden="true">☰</span> {t('menu')}
        {status.conflicts > 0 && allowed({ name: 'conflicts' }, role) && (
          <span
            className="count-badge"
            aria-label={t('openConflicts', { count: status.conflicts })}
          >
            {status.conflicts}
          </span>
        )}
      </button>
      <span className="nav-who muted" translate="no">
        {login.user.displayName} · {login.organization.name}
      </span>
      <div id={menuId} className="nav-menu">
        <nav aria-label={t('main')}>
          <ul className="nav-links">
            {SCREENS.filter((name) => allowed({ name }, role)).map((name) => (
              <li key={name}>
                <Link
                  href={pathFor({ name })}
                  className="link"
                  aria-current={menu.current === name ? 'page' : undefined}
                >
                  {t(`nav.${name}`)}
                  {name === 'conflicts' && status.conflicts > 0 && (
                    <span
                      className="count-badge"
                      aria-label={t('open', { count: status.conflicts })}
                    >
                      {status.conflicts}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="nav-account">
          {allowed({ name: 'account' }, role) && (
            <Link
              href={pathFor({ name: 'account' })}
              className="link"
              aria-current={menu.current === 'account' ? 'page' : undefined}
            >
              {t('myAccount')}
            </Link>
          )}
          <LanguageChoice />
          <DeviceNameControl />
          <button type="button" className="link" onClick={() => void logout()}>
            {t('signOut')}
          </button>
        </div>
      </div>
      {refusal && (
        <div className="banner error nav-refusal" role="alert">
          {refusal}
          <button type="button" className="link" onClick={() => void exportPending()}>
            {t('exportPending')}
          </button>
          <button type="button" className="link" onClick={() => setRefusal(null)}>
            {t('ok')}
          </button>
        </div>
      )}
    </header>
  );
}
