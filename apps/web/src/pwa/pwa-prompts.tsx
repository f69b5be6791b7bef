// "A new version is ready" and "Install this app": where the browser offers to install
// (beforeinstallprompt), a button; on iPhone and iPad, which never offer it, the steps in words.
import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { useT } from '../i18n/i18n.ts';
import { needsIosInstallHint } from './ios-install.ts';

interface InstallEvent extends Event {
  prompt(): Promise<void>;
}

const HINT_SEEN = 'rollcall-ios-install-hint-dismissed';

function useIosInstallHint() {
  const [show, setShow] = useState(
    () =>
      needsIosInstallHint(navigator, matchMedia('(display-mode: standalone)').matches) &&
      localStorage.getItem(HINT_SEEN) === null,
  );
  const dismiss = () => {
    localStorage.setItem(HINT_SEEN, '1');
    setShow(false);
  };
  return { show, dismiss };
}

export function PwaPrompts() {
  const iosHint = useIosInstallHint();
  const t = useT('app');
  const [update, setUpdate] = useState<null | (() => Promise<void>)>(null);
  const [install, setInstall] = useState<InstallEvent | null>(null);
  useEffect(() => {
    const apply = registerSW({
      onNeedRefresh: () => {
        // Once the waiting version takes over (Reload here or in another tab), this page's code is
        // the old one: reload into the new. Workbox does so only when the page was controlled at
        // start, which the first session (claimed by the worker after loading) is not.
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
          once: true,
        });
        setUpdate(() => () => apply(true));
      },
      // The reload above covers every case; Workbox's own would be a second one.
      onNeedReload: () => {},
    });
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
          {t('newVersion')}{' '}
          <button type="button" className="link" onClick={() => void update()}>
            {t('reload')}
          </button>
        </div>
      )}
      {install && (
        <div className="banner info">
          {t('installOffer')}
          <button
            type="button"
            className="link"
            onClick={() => {
              void install.prompt();
              setInstall(null);
            }}
          >
            {t('install')}
          </button>
        </div>
      )}
      {iosHint.show && (
        <div className="banner info" role="note" aria-label={t('iosInstallLabel')}>
          {t('iosInstall')}{' '}
          <button type="button" className="link" onClick={iosHint.dismiss}>
            {t('gotIt')}
          </button>
        </div>
      )}
    </>
  );
}
