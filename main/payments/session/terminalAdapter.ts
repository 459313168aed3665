/**
 * The seam between the payment session and a terminal protocol (docs/payment-terminal.md §11).
 * The session knows nothing of ZVT: it asks an adapter to charge, cancel, tell the last
 * transaction or close the day, and hears back protocol-neutral progress and results. The ZVT
 * adapter (zvtTerminalAdapter.ts) implements it; an ECR-EFT or vendor adapter could too.
 *
 * An adapter runs one operation at a time (the session guarantees it) and never re-sends a
 * charge: when it cannot tell how a charge ended it says `inconclusive`, and the session asks
 * `lastTransaction()`.
 */
import type { PaymentPrompt } from '../../../common/contract';
import type { PaymentMethod } from '../../../common/contract/central/payments';
import type { ResultCategory } from '../zvt/resultCodes';

export type Words = { pl: string; en: string };

export type AdapterConnection = 'connected' | 'disconnected';

/** What the terminal shows the resident now. */
export type TerminalProgress = {
  prompt: PaymentPrompt;
  text: Words;
  /** The step's own time limit (a BLIK code's ~2 minutes), when the terminal gives one. */
  timeLimitSeconds: number | null;
  /** Whether the terminal still takes an abort for this step (waiting for the card or code). */
  cancellable: boolean;
};

/** The terminal's account of a transaction: the live result, or its last one when asked. */
export type TerminalResult = {
  approved: boolean;
  resultCode: number;
  category: ResultCategory;
  text: Words;
  amountGrosze: number | null;
  method: PaymentMethod | null;
  traceNumber: number | null;
  receiptNumber: number | null;
  authorisationCode: string | null;
  /** Only ever masked (§10). */
  cardNumberMasked: string | null;
  terminalId: string | null;
  /** The terminal's clock, `YYMMDDhhmmss` (or `MMDDhhmmss` without the year), when it sent one. */
  terminalTime: string | null;
  /** Its fate, where the terminal reports it (repeat receipt, §8); null when it does not. */
  state: 'committed' | 'reversed' | 'not-approved' | null;
};

export type ChargeCallbacks = {
  /** The command left and the terminal took it (its 80 00 00). */
  accepted(): Promise<void>;
  progress(progress: TerminalProgress): Promise<void>;
  /**
   * The result arrived. For an approved one, resolve `true` only once the journal holds it: the
   * adapter then sends the commit answer; `false` (or a throw) refuses it and the terminal
   * reverses the payment.
   */
  result(result: TerminalResult): Promise<boolean>;
  /** The commit answer to an approved result was delivered: the money is taken. */
  committed(result: TerminalResult): Promise<void>;
};

export type ChargeEnding =
  /** The command never left (not connected): nothing can have been charged. */
  | { kind: 'not-sent'; detail: string }
  /** The terminal refused the command before starting it (busy, wrong currency…). */
  | { kind: 'refused'; resultCode: number; text: Words }
  /** The terminal aborted the transaction (cancel, code expired, card window over). */
  | { kind: 'aborted'; resultCode: number; category: ResultCategory; text: Words }
  /**
   * A result came. `committed`: for an approved result, whether the commit answer arrived
   * (true), was refused by us (false), or could not be delivered ('unknown').
   */
  | { kind: 'result'; result: TerminalResult; committed: boolean | 'unknown' }
  /** The link broke or the terminal fell silent: how it ended must be asked. */
  | { kind: 'inconclusive'; detail: string };

export type LastTransactionAnswer =
  | { kind: 'transaction'; result: TerminalResult }
  /** The terminal holds no transaction at all. */
  | { kind: 'none' }
  | { kind: 'busy' }
  | { kind: 'unavailable'; detail: string };

export type SettlementAnswer =
  | {
      kind: 'settled';
      totalGrosze: number;
      /** Totals per method, when the terminal reports them (Okienko's DF44); null otherwise. */
      byMethod: { method: PaymentMethod; count: number; totalGrosze: number }[] | null;
      terminalId: string | null;
    }
  | { kind: 'busy' }
  | { kind: 'unavailable'; detail: string };

export type RegistrationAnswer =
  | { kind: 'registered'; terminalId: string | null }
  | { kind: 'busy' }
  | { kind: 'unavailable'; detail: string };

export interface TerminalAdapter {
  readonly kind: 'simulator' | 'usb-hid' | 'tcp';
  connection(): AdapterConnection;
  /** Called on every change of connection; returns the unsubscribe function. */
  onConnection(listener: (connection: AdapterConnection) => void): () => void;
  charge(
    command: { amountGrosze: number; method: PaymentMethod },
    callbacks: ChargeCallbacks,
  ): Promise<ChargeEnding>;
  /**
   * Reverses an approved payment of the same day by its receipt number (ZVT 06 30). The same
   * callbacks and endings as a charge: the result is the reversal's, committed only once the
   * journal holds it; never sent twice (an inconclusive ending is asked about).
   */
  reverse(command: { receiptNumber: number }, callbacks: ChargeCallbacks): Promise<ChargeEnding>;
  /** Registers the app with the terminal (ZVT 06 00): its terminal id and readiness. */
  register(): Promise<RegistrationAnswer>;
  /** Asks the terminal to abort the running charge; true when it will. */
  cancel(): Promise<boolean>;
  lastTransaction(): Promise<LastTransactionAnswer>;
  settle(): Promise<SettlementAnswer>;
  /** Resolves once connected, or false after `timeoutMs`. */
  waitForConnection(timeoutMs: number): Promise<boolean>;
}
