/**
 * What the simulated terminal does with the next payment or refund: the way tests (and a
 * developer at `npm start`) bring about each ending a session must handle (§7, §8).
 */
export const SCENARIOS = [
  /** The resident pays, the bank approves. */
  'approve',
  /** The bank declines (result code 05, the issuer's "do not honour"). */
  'decline',
  /** BLIK: the code is never typed and expires; card: no card is presented in time. */
  'blik-timeout',
  /** The resident presses cancel on the terminal while it waits for the card or the code. */
  'cancel',
  /** Approved; the status information reaches the app, then the cable is pulled. */
  'link-drop',
  /** Approved; the status information is lost on the way, every repeat of it too. */
  'lose-response',
  /** Approved at the bank; the terminal reboots before it can tell the app. */
  'reboot',
  /**
   * Approved and kept by the terminal; the cable is pulled before the result reaches the app,
   * and the terminal's repeat receipt then answers another transaction (a 1,00 zł one it made on
   * its own): the app cannot tell how the payment ended and a person checks the printout (§8).
   */
  'wrong-last',
] as const;

export type Scenario = (typeof SCENARIOS)[number];
