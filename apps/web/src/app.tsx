import { Suspense, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { db, engine } from './app-context.ts';
import { setMeta } from './db/meta.ts';
import { allowed, pathFor, screenFor, type Screen } from './app-routes.ts';
import { AccountMenu } from './features/auth/account-menu.tsx';
import { LoginScreen } from './features/auth/login-screen.tsx';
import { NotificationBell } from './features/notifications/notification-bell.tsx';
import { useSession, type Login } from './features/auth/session-store.ts';
import { CheckinScreen } from './features/scan/checkin-screen.tsx';
import { SessionsScreen } from './features/sessions/sessions-screen.tsx';
import { StatusBar } from './features/sync/status-bar.tsx';
import { useDisplayZone } from './features/settings/org-zone.ts';
import { lazyScreen } from './pwa/load-chunk.ts';
import { PwaPrompts } from './pwa/pwa-prompts.tsx';
import { ScreenBoundary } from './pwa/screen-boundary.tsx';

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
const ConflictsScreen = lazyScreen(() =>
  import('./features/conflicts/conflicts-screen.tsx').then((m) => m.ConflictsScreen),
);

function useStorageCare() {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    // Without persistence Safari evicts site data after a week unused; ask once, say if refused.
    void navigator.storage?.persist?.().then((ok) => {
      if (!ok) console.info('persistent storage not granted');
    });
    const onError = (e: PromiseRejectionEvent) => {
      const name =
        (e.reason as { name?: string; inner?: { name?: string } } | null)?.inner?.name ??
        (e.reason as { name?: string } | null)?.name;
      if (name === 'QuotaExceededError')
        setProblem(
          'This device is out of storage space for Rollcall. Free some space: new check-ins cannot be saved until then.',
        );
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
  // Re-rendered when the organization's zone changes, so every time on screen is redrawn in it.
  useDisplayZone();
  if (!screen) return null;
  return (
    <>
      {screen.name === 'sessions' && <SessionsScreen />}
      {screen.name === 'checkin' && (
        <CheckinScreen key={screen.sessionId} sessionId={screen.sessionId} />
      )}
      <ScreenBoundary key={screen.name}>
        <Suspense fallback={<p className="screen muted">Loading…</p>}>
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
        </Suspense>
      </ScreenBoundary>
    </>
  );
}

export function App() {
  const { login, booted, boot } = useSession();
  const storageProblem = useStorageCare();
  useEffect(() => {
    void Promise.all([db.meta.get('login'), db.meta.get('station')]).then(([login, station]) =>
      boot(
        (login?.value as Login | undefined) ?? null,
        (station?.value as string | null | undefined) ?? null,
      ),
    );
  }, [boot]);
  useEffect(() => (login ? engine.start() : undefined), [login]);
  useRememberLastSync();

  if (!booted) return null;
  return (
    <div className="app">
      <PwaPrompts />
      {storageProblem && (
        <p className="banner error" role="alert">
          {storageProblem}
        </p>
      )}
      {login ? (
        <>
          <AccountMenu />
          <NotificationBell />
          <StatusBar />
          <Screens />
        </>
      ) : (
        <LoginScreen />
      )}
    </div>
  );
}
