import { Suspense, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { db, engine } from './app-context.ts';
import { getMeta, setMeta } from './db/meta.ts';
import { allowed, pathFor, screenFor, type Screen } from './app-routes.ts';
import { useT } from './i18n/i18n.ts';
import { LoginScreen } from './features/auth/login-screen.tsx';
import { useSession, type Login } from './features/auth/session-store.ts';
import { applyLoginLanguage, useOrgLanguage } from './features/settings/org-language.ts';
import { useDisplayZone } from './features/settings/org-zone.ts';
import { lazyScreen } from './pwa/load-chunk.ts';
import { PwaPrompts } from './pwa/pwa-prompts.tsx';
import { ScreenBoundary } from './pwa/screen-boundary.tsx';

// The signed-in side is not the sign-in page's to load. It comes as one whole on signing in (each
// part asks for all of them), so the door works offline right after, worker or not.
const usherSide = () =>
  Promise.all([
    import('./features/auth/account-menu.tsx'),
    import('./features/notifications/notification-bell.tsx'),
    import('./features/sync/status-bar.tsx'),
    import('./features/sessions/sessions-screen.tsx'),
    import('./features/scan/checkin-screen.tsx'),
    import('./features/kiosk/kiosk-screen.tsx'),
  ]).then(([menu, bell, status, sessions, checkin, kiosk]) => ({
    ...menu,
    ...bell,
    ...status,
    ...sessions,
    ...checkin,
    ...kiosk,
  }));
const AccountMenu = lazyScreen(() => usherSide().then((m) => m.AccountMenu));
const NotificationBell = lazyScreen(() => usherSide().then((m) => m.NotificationBell));
const StatusBar = lazyScreen(() => usherSide().then((m) => m.StatusBar));
const SessionsScreen = lazyScreen(() => usherSide().then((m) => m.SessionsScreen));
const CheckinScreen = lazyScreen(() => usherSide().then((m) => m.CheckinScreen));
const KioskScreen = lazyScreen(() => usherSide().then((m) => m.KioskScreen));

// The admin side is split from the usher's code and loaded on first use (the service worker
// precaches every chunk and claims the page that installed it, so it opens offline from the first
// session on).
const AuditScreen = lazyScreen(() =>
  import('./features/audit/audit-screen.tsx').then((m) => m.AuditScreen),
);
const DevicesScreen = lazyScreen(() =>
  import('./features/devices/devices-screen.tsx').then((m) => m.DevicesScreen),
);
const ExcusesScreen = lazyScreen(() =>
  import('./features/excuses/excuses-screen.tsx').then((m) => m.ExcusesScreen),
);
const HistoryScreen = lazyScreen(() =>
  import('./features/history/history-screen.tsx').then((m) => m.HistoryScreen),
);
const LiveScreen = lazyScreen(() =>
  import('./features/live/live-screen.tsx').then((m) => m.LiveScreen),
);
const ParticipantsScreen = lazyScreen(() =>
  import('./features/participants/participants-screen.tsx').then((m) => m.ParticipantsScreen),
);
const ReportsScreen = lazyScreen(() =>
  import('./features/reports/reports-screen.tsx').then((m) => m.ReportsScreen),
);
const ScheduleScreen = lazyScreen(() =>
  import('./features/schedule/schedule-screen.tsx').then((m) => m.ScheduleScreen),
);
const UshersScreen = lazyScreen(() =>
  import('./features/ushers/ushers-screen.tsx').then((m) => m.UshersScreen),
);
const SettingsScreen = lazyScreen(() =>
  import('./features/settings/settings-screen.tsx').then((m) => m.SettingsScreen),
);
const AccountScreen = lazyScreen(() =>
  import('./features/account/account-screen.tsx').then((m) => m.AccountScreen),
);
const ConflictsScreen = lazyScreen(() =>
  import('./features/conflicts/conflicts-screen.tsx').then((m) => m.ConflictsScreen),
);

function useStorageCare() {
  const [problem, setProblem] = useState<boolean>(false);
  useEffect(() => {
    // Without persistence Safari evicts site data after a week unused; ask once, say if refused.
    void navigator.storage?.persist?.().then((ok) => {
      if (!ok) console.info('persistent storage not granted');
    });
    const onError = (e: PromiseRejectionEvent) => {
      const name =
        (e.reason as { name?: string; inner?: { name?: string } } | null)?.inner?.name ??
        (e.reason as { name?: string } | null)?.name;
      if (name === 'QuotaExceededError') setProblem(true);
    };
    window.addEventListener('unhandledrejection', onError);
    return () => window.removeEventListener('unhandledrejection', onError);
  }, []);
  return problem;
}

/** Keeps the last pull's time on the device: "last synced" still reads right after a reload offline. */
function useRememberLastSync() {
  useEffect(() => {
    let seen: number | null = null;
    return engine.subscribe(({ lastPullAt }) => {
      if (lastPullAt === null || lastPullAt === seen) return;
      seen = lastPullAt;
      void setMeta(db, 'lastPullAt', lastPullAt);
    });
  }, []);
}

/**
 * The screen the URL names, once it is one this device may show: a locked station stays on its
 * session, a role sees only its own screens, and an unknown path opens the session list. Anything
 * else is corrected by replacing the history entry (the back button never returns to it).
 */
function useRoutedScreen(): Screen | null {
  const [path, navigate] = useLocation();
  const role = useSession((s) => s.login?.user.role);
  const station = useSession((s) => s.station);
  const named = screenFor(path);
  const target: Screen = station
    ? { name: 'checkin', sessionId: station }
    : named && allowed(named, role)
      ? named
      : { name: 'sessions' };
  const fix = !named || pathFor(named) !== pathFor(target);
  useEffect(() => {
    if (fix) navigate(pathFor(target), { replace: true });
  });
  return fix ? null : target;
}

function Screens() {
  const screen = useRoutedScreen();
  const t = useT('app');
  // A kiosk is a locked station: it keeps the door's URL and shows the self check-in screen there.
  const kiosk = useSession((s) => s.station !== null && s.stationKind === 'kiosk');
  // Re-rendered when the organization's zone changes, so every time on screen is redrawn in it.
  useDisplayZone();
  if (!screen) return null;
  return (
    <>
      {screen.name === 'sessions' && <SessionsScreen />}
      {screen.name === 'checkin' &&
        (kiosk ? (
          <KioskScreen key={screen.sessionId} sessionId={screen.sessionId} />
        ) : (
          <CheckinScreen key={screen.sessionId} sessionId={screen.sessionId} />
        ))}
      <ScreenBoundary key={screen.name}>
        <Suspense fallback={<p className="screen muted">{t('loading')}</p>}>
          {screen.name === 'live' && <LiveScreen sessionId={screen.sessionId} />}
          {screen.name === 'conflicts' && <ConflictsScreen focus={screen.focus} />}
          {screen.name === 'history' && <HistoryScreen focus={screen.focus} />}
          {screen.name === 'devices' && <DevicesScreen />}
          {screen.name === 'ushers' && <UshersScreen />}
          {screen.name === 'participants' && <ParticipantsScreen />}
          {screen.name === 'excuses' && <ExcusesScreen />}
          {screen.name === 'audit' && <AuditScreen />}
          {screen.name === 'schedule' && <ScheduleScreen />}
          {screen.name === 'reports' && <ReportsScreen />}
          {screen.name === 'settings' && <SettingsScreen />}
          {screen.name === 'account' && <AccountScreen />}
        </Suspense>
      </ScreenBoundary>
    </>
  );
}

export function App() {
  const { login, booted, boot } = useSession();
  const storageProblem = useStorageCare();
  const t = useT('app');
  useEffect(() => {
    void Promise.all([
      db.meta.get('login'),
      db.meta.get('station'),
      getMeta(db, 'stationKind'),
    ]).then(([login, station, kind]) => {
      const saved = (login?.value as Login | undefined) ?? null;
      applyLoginLanguage(saved);
      boot(saved, (station?.value as string | null | undefined) ?? null, kind ?? 'door');
    });
  }, [boot]);
  useOrgLanguage();
  useEffect(() => (login ? engine.start() : undefined), [login]);
  useRememberLastSync();

  if (!booted) return null;
  return (
    <div className="app">
      <PwaPrompts />
      {storageProblem && (
        <p className="banner error" role="alert">
          {t('outOfStorage')}
        </p>
      )}
      {login ? (
        <ScreenBoundary>
          <Suspense fallback={<p className="screen muted">{t('loading')}</p>}>
            <AccountMenu />
            <NotificationBell />
            <StatusBar />
            <Screens />
          </Suspense>
        </ScreenBoundary>
      ) : (
        <LoginScreen />
      )}
    </div>
  );
}
