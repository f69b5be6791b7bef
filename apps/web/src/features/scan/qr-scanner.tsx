// The camera scanner: back camera by default, torch where the device has one. The same code is
// ignored while it stays in view (and for two seconds after), so one badge held up records once and
// its result stays on screen instead of turning into "already checked in".
import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n.ts';

export function QrScanner({ onScan }: { onScan: (text: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const scanner = useRef<Html5Qrcode | null>(null);
  const t = useT('scan');
  // null: no error; '': the camera failed without saying why (worded in the language in use).
  const [error, setError] = useState<string | null>(null);
  const [torch, setTorch] = useState<boolean | null>(null);
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    const id = ref.current!.id;
    // The platform's own detector (Android, ChromeOS, macOS) where there is one: faster and steadier
    // than the bundled zxing-js, which misses a few percent of perfectly still codes.
    const s = new Html5Qrcode(id, {
      formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
      verbose: false,
      experimentalFeatures: { useBarCodeDetectorIfSupported: true },
    });
    scanner.current = s;
    let lastText = '';
    let lastAt = 0;
    // disableFlip: badges are never mirrored, and the flip retry would draw every other frame mirrored.
    s.start(
      { facingMode: 'environment' },
      {
        fps: 10,
        disableFlip: true,
        qrbox: (w, h) => ({ width: Math.min(w, h) * 0.8, height: Math.min(w, h) * 0.8 }),
      },
      (text) => {
        const now = Date.now();
        const same = text === lastText && now - lastAt < 2000;
        lastText = text;
        lastAt = now; // every frame that still shows it: a held badge is never read twice
        if (!same) onScanRef.current(text);
      },
      () => {},
    )
      .then(() => {
        const caps = s.getRunningTrackCameraCapabilities();
        setTorch(caps.torchFeature().isSupported() ? false : null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : ''));
    return () => {
      if (s.isScanning) void s.stop().then(() => s.clear());
    };
  }, []);

  const toggleTorch = async () => {
    const feature = scanner.current?.getRunningTrackCameraCapabilities().torchFeature();
    if (!feature) return;
    await feature.apply(!torch);
    setTorch(!torch);
  };

  return (
    <div className="scanner">
      <div id="qr-reader" ref={ref} aria-label={t('cameraView')} />
      {error !== null && (
        <p className="hint error-text" role="alert">
          {t('cameraError', { error: error || t('cameraFailed') })}
        </p>
      )}
      {torch !== null && (
        <button
          type="button"
          className="secondary"
          onClick={() => void toggleTorch()}
          aria-pressed={torch}
        >
          {t(torch ? 'torchOff' : 'torchOn')}
        </button>
      )}
    </div>
  );
}
