// Sound and vibration for a scan: ushers look at the person, not at the screen. Each outcome has
// its own colour (styles.css), tone and buzz, so "already in" never feels like a new check-in and
// a mistyped code never feels like a broken phone.
export type FeedbackKind = 'ok' | 'already' | 'wrong' | 'error' | 'undone' | 'left';

interface Signal {
  /** navigator.vibrate pattern: on, off, on… in ms. */
  vibrate: number[];
  /** One note per entry, played one after the other: [Hz, seconds]. */
  notes: [number, number][];
}

export const SIGNALS: Record<FeedbackKind, Signal> = {
  // One short buzz, a bright rising pair: "in".
  ok: {
    vibrate: [70],
    notes: [
      [880, 0.08],
      [1320, 0.1],
    ],
  },
  // Two soft taps, two level mid notes: "seen before, nothing new".
  already: {
    vibrate: [40, 90, 40],
    notes: [
      [660, 0.09],
      [660, 0.09],
    ],
  },
  // Three quick buzzes, a falling low pair: "that code is not right, look at the screen".
  wrong: {
    vibrate: [90, 60, 90, 60, 90],
    notes: [
      [440, 0.12],
      [294, 0.18],
    ],
  },
  // One long buzz, one long low tone: "this device could not do it".
  error: { vibrate: [400], notes: [[220, 0.35]] },
  // A light tick: the last action was taken back.
  undone: { vibrate: [25], notes: [[520, 0.06]] },
  // One short buzz, the "in" pair played downwards: "out".
  left: {
    vibrate: [70],
    notes: [
      [1320, 0.08],
      [880, 0.1],
    ],
  },
};

let audio: AudioContext | null = null;

export function signal(kind: FeedbackKind) {
  const { vibrate, notes } = SIGNALS[kind];
  try {
    navigator.vibrate?.(vibrate);
  } catch {
    /* vibration refused (no user gesture yet): the tone and the screen still say it */
  }
  try {
    audio ??= new AudioContext();
    let at = audio.currentTime;
    for (const [hz, seconds] of notes) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.08;
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + seconds);
      at += seconds + 0.03;
    }
  } catch {
    /* no audio device: the screen still says it */
  }
}
