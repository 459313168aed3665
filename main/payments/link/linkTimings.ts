/**
 * ZVT's serial timers and repeat count as the Okienko profile sets them
 * (docs/payment-terminal.md §2.1). T2 and T4 are waits for application messages: the session
 * runs them; the link layer runs the frame stall timer and T3.
 */
export type LinkTimings = {
  /** A frame started and not ended this long after its last byte is dropped (and NAKed). */
  frameStallMs: number;
  /** T3: waiting for ACK/NAK after sending a frame. */
  ackTimeoutMs: number;
  /** Repeats of a frame after NAK (or, for a repeat-safe frame, after a silent T3). */
  maxRepeats: number;
  /**
   * An identical frame received again within this time is the peer repeating it because our
   * ACK was lost: it is ACKed again and dropped. Default T3 + 1 s.
   */
  duplicateWindowMs: number;
};

export const ZVT_LINK_TIMINGS: LinkTimings = {
  frameStallMs: 1_000,
  ackTimeoutMs: 5_000,
  maxRepeats: 3,
  duplicateWindowMs: 6_000,
};

/** T2: the terminal's first answer (80 00 00 / 84 xx) after our command frame was ACKed. */
export const ZVT_ANSWER_TIMEOUT_MS = 15_000;
/** T4: the terminal holds the master rights and must send something within this time. */
export const ZVT_MASTER_TIMEOUT_MS = 180_000;
