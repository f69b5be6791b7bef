// The camera at the door and at the kiosk: a big toggle, and the scanner (loaded on first use)
// behind it, with a fallback while the camera starts and a boundary if its chunk cannot load.
import { Suspense, useState } from 'react';
import { lazyScreen } from '../../pwa/load-chunk.ts';
import { ScreenBoundary } from '../../pwa/screen-boundary.tsx';
import { useT } from '../../i18n/i18n.ts';

// The scanner library is a third of the app's code: load it when the camera is first opened (the
// service worker precaches the chunk and controls the page from the first load, so this works
// offline too).
const QrScanner = lazyScreen(() => import('./qr-scanner.tsx').then((m) => m.QrScanner));

export function CameraScan({
  onScan,
  labels,
}: {
  onScan(text: string): void;
  /** The toggle's words: [to start, to stop]. */
  labels: [string, string];
}) {
  const [camera, setCamera] = useState(false);
  const t = useT('scan');
  return (
    <>
      <button
        type="button"
        className="primary big"
        onClick={() => setCamera((c) => !c)}
        aria-pressed={camera}
      >
        {camera ? labels[1] : labels[0]}
      </button>
      {camera && (
        <ScreenBoundary>
          <Suspense fallback={<p className="muted">{t('startingCamera')}</p>}>
            <QrScanner onScan={onScan} />
          </Suspense>
        </ScreenBoundary>
      )}
    </>
  );
}
