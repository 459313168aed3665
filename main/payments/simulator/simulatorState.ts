/**
 * What the simulated terminal remembers across restarts, of the app and of itself: its
 * counters, the transactions since the last end of day (its journal, for the totals) and the
 * last transaction (for repeat receipt, §8). Kept as plain JSON, validated on load.
 *
 * Like a real terminal it records a payment before asking the bank, so a reboot in the middle
 * leaves a trace; on start-up recoverAfterRestart() settles such a transaction: never asked
 * → not approved; approved but the app's answer never came → reversed (the Okienko profile:
 * the terminal does not keep money the app did not accept).
 */
import { z } from 'zod';
import { paymentMethodSchema } from '../zvt/messageTypes';

export const simTransactionStateSchema = z.enum([
  /** Asked the bank (or about to); the outcome is not known yet. */
  'authorising',
  /** Approved by the bank; the status information is out, the app's answer is awaited. */
  'awaiting-answer',
  'committed',
  'reversed',
  'not-approved',
]);

export const simTransactionSchema = z.strictObject({
  kind: z.enum(['payment', 'refund', 'reversal']),
  method: paymentMethodSchema,
  amountGrosze: z.int().min(0),
  traceNumber: z.int().min(1).max(999_999),
  receiptNumber: z.int().min(1).max(9999),
  /** A reversal: the receipt number of the payment it reverses. */
  originalReceiptNumber: z.int().min(1).max(9999).optional(),
  /** YYMMDD and HHMMSS, the terminal's clock. */
  dateWithYear: z.string().regex(/^\d{6}$/),
  time: z.string().regex(/^\d{6}$/),
  state: simTransactionStateSchema,
  resultCode: z.int().min(0).max(0xff),
  /** Only ever the masked number: `*` for all digits but the last four. */
  cardNumberMasked: z
    .string()
    .regex(/^\*+\d{4}$/)
    .optional(),
  cardName: z.string().optional(),
  authorisationCode: z.string().max(8).optional(),
  /** A committed payment that a later reversal (06 30) took back. */
  voided: z.boolean().optional(),
});

export const simulatorStateSchema = z.strictObject({
  version: z.literal(1),
  terminalId: z.string().regex(/^\d{8}$/),
  nextTraceNumber: z.int().min(1).max(999_999),
  nextReceiptNumber: z.int().min(1).max(9999),
  /** Since the last end of day, oldest first. */
  journal: z.array(simTransactionSchema),
  /** The last transaction, also after an end of day emptied the journal. */
  last: simTransactionSchema.nullable(),
});

export type SimTransaction = z.infer<typeof simTransactionSchema>;
export type SimTransactionState = z.infer<typeof simTransactionStateSchema>;
export type SimulatorState = z.infer<typeof simulatorStateSchema>;

export function initialSimulatorState(terminalId = '52001233'): SimulatorState {
  return {
    version: 1,
    terminalId,
    nextTraceNumber: 1,
    nextReceiptNumber: 1,
    journal: [],
    last: null,
  };
}

/** Settles what a restart interrupted; returns a new state (the input is not changed). */
export function recoverAfterRestart(state: SimulatorState): SimulatorState {
  const settle = (tx: SimTransaction): SimTransaction =>
    tx.state === 'authorising'
      ? { ...tx, state: 'not-approved', resultCode: 0x6c }
      : tx.state === 'awaiting-answer'
        ? { ...tx, state: 'reversed' }
        : tx;
  return {
    ...state,
    journal: state.journal.map(settle),
    last: state.last ? settle(state.last) : null,
  };
}

/** Replaces the transaction with the same trace number in the journal and as the last one. */
export function withTransaction(state: SimulatorState, tx: SimTransaction): SimulatorState {
  const known = state.journal.some((entry) => entry.traceNumber === tx.traceNumber);
  return {
    ...state,
    journal: known
      ? state.journal.map((entry) => (entry.traceNumber === tx.traceNumber ? tx : entry))
      : [...state.journal, tx],
    last: state.last === null || state.last.traceNumber <= tx.traceNumber ? tx : state.last,
  };
}
