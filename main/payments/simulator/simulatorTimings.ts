/**
 * How long the simulated resident, bank and terminal take. Injectable so tests run in
 * milliseconds (with fake timers) and `npm start`'s embedded terminal feels like a real one.
 */
export type SimulatorTimings = {
  /** The resident taps or inserts the card after "insert card". */
  cardPresentMs: number;
  /** Without a card (the cancel and timeout scenarios of a card payment), the terminal gives up. */
  cardWindowMs: number;
  /** The resident types the BLIK code. */
  blikCodeEntryMs: number;
  /** A BLIK code is valid this long (DF43 of the "enter the code" step, §6). */
  blikCodeWindowMs: number;
  /** The resident confirms in the banking app. */
  blikConfirmMs: number;
  /** Time limit announced for the "confirm in the app" step (DF43). */
  blikConfirmWindowMs: number;
  /** The bank (or BLIK) answers the authorisation. */
  bankMs: number;
  /**
   * T4 on the terminal's side: how long it waits for the app's answer to a message, above all
   * to the status information (the commit point, §8); after that it reverses.
   */
  answerTimeoutMs: number;
  /** link-drop scenario: the cable is plugged back in after this long. */
  replugAfterMs: number;
  /** reboot scenario: the terminal is back on the bus after this long. */
  rebootMs: number;
};

export const DEFAULT_SIMULATOR_TIMINGS: SimulatorTimings = {
  cardPresentMs: 2_000,
  cardWindowMs: 60_000,
  blikCodeEntryMs: 4_000,
  blikCodeWindowMs: 120_000,
  blikConfirmMs: 3_000,
  blikConfirmWindowMs: 60_000,
  bankMs: 1_500,
  answerTimeoutMs: 180_000,
  replugAfterMs: 3_000,
  rebootMs: 5_000,
};

/** Seconds for a DF43 step time limit: never 0 for a step that has any time at all. */
export function limitSeconds(ms: number): number {
  return Math.min(0xffff, Math.max(1, Math.ceil(ms / 1000)));
}
