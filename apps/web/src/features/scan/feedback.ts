// Sound and vibration for a scan: ushers look at the person, not at the screen.
let audio: AudioContext | null = null;

export function signal(kind: 'ok' | 'already' | 'error') {
  try {
    navigator.vibrate?.(kind === 'error' ? [80, 60, 80] : 60);
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = kind === 'ok' ? 880 : kind === 'already' ? 660 : 220;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + (kind === 'error' ? 0.3 : 0.12));
  } catch {
    /* no audio device: the screen still says it */
  }
}
