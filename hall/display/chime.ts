/**
 * The board's chime, made with the Web Audio API (no audio file to load or to allow in the
 * Content-Security-Policy): a soft two-note bell for a call, three notes for a recall.
 *
 * Browsers keep audio off until the page gets a user gesture; the board shows a one-time
 * "Włącz dźwięk" button while `needsGesture()` holds. A display PC's browser in kiosk mode can
 * be started with `--autoplay-policy=no-user-gesture-required`, and then no one needs to touch
 * it (docs/hall-pages.md).
 */
export type Chime = {
  /** Audio is blocked until a user gesture (or the browser has no Web Audio at all: false). */
  needsGesture(): boolean;
  /** Call from a click or key handler: lets the audio run, and plays a call to prove it. */
  unlock(): Promise<void>;
  /** Plays a call's or a recall's chime `delaySeconds` from now (several calls in a row). */
  play(kind: 'call' | 'recall', delaySeconds?: number): void;
  /** Told when audio starts or stops being blocked. */
  onChange(listener: () => void): () => void;
};

const E5 = 659.25;
const C5 = 523.25;
const NOTES = { call: [E5, C5], recall: [E5, C5, E5] } as const;
const NOTE_GAP_S = 0.42;
const NOTE_LENGTH_S = 1.5;

export function createChime(): Chime {
  const AudioContextClass = globalThis.AudioContext as typeof AudioContext | undefined;
  const context = AudioContextClass ? new AudioContextClass() : null;
  const listeners = new Set<() => void>();
  if (context) context.onstatechange = () => listeners.forEach((listener) => listener());

  const bell = (at: number, frequency: number, output: AudioNode) => {
    if (!context) return;
    const envelope = context.createGain();
    envelope.gain.setValueAtTime(0.0001, at);
    envelope.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
    envelope.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_LENGTH_S);
    envelope.connect(output);
    // The fundamental and a quieter octave: a bell rather than a beep.
    for (const [multiple, level] of [
      [1, 1],
      [2, 0.18],
    ] as const) {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.type = 'sine';
      tone.frequency.setValueAtTime(frequency * multiple, at);
      gain.gain.setValueAtTime(level, at);
      tone.connect(gain).connect(envelope);
      tone.start(at);
      tone.stop(at + NOTE_LENGTH_S + 0.05);
    }
  };

  const play: Chime['play'] = (kind, delaySeconds = 0) => {
    if (!context || context.state !== 'running') return;
    const master = context.createGain();
    master.gain.setValueAtTime(0.7, context.currentTime);
    master.connect(context.destination);
    const start = context.currentTime + 0.05 + delaySeconds;
    NOTES[kind].forEach((frequency, index) => bell(start + index * NOTE_GAP_S, frequency, master));
  };

  return {
    needsGesture: () => context !== null && context.state !== 'running',
    async unlock() {
      if (!context) return;
      await context.resume();
      play('call');
    },
    play,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
