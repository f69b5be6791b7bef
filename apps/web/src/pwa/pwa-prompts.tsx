// "A new version is ready" and "Install this app", when the browser offers them.
import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';

interface InstallEvent extends Event {
  prompt(): Promise<void>;
}

export function PwaPrompts() {
  const [update, setUpdate] = useState<null | (() => Promise<void>)>(null);
  const [install, setInstall] = useState<InstallEvent | null>(null);
  useEffect(() => {
    const apply = registerSW({ onNeedRefresh: () => setUpdate(() => () => apply(true)) });
    const onPrompt = (e: Event) => {
      e.preventDefault();
      setInstall(e as InstallEvent);
    };
    window.addEventListener('beforeinstallprompt', onPrompt);
    return () => window.removeEventListener('beforeinstallprompt', onPrompt);
  }, []);
  return (
    <>
      {update && (
        <div className="banner info" role="alert">
          A new version is ready.{' '}
          <button type="button" className="link" onClick={() => void update()}>
            Reload
          </button>
        </div>
      )}
      {install && (
        <div className="banner info">
          Install Rollcall on this device so it opens offline and keeps its data.
          <button
            type="button"
            className="link"
            onClick={() => {
              void install.prompt();
              setInstall(null);
            }}
          >
            Install
          </button>
        </div>
      )}
    </>
  );
}
