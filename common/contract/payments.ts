import { z } from 'zod';
import {
  endOfDayReportSchema,
  paymentMethodSchema,
  settlementDifferenceSchema,
} from './central/payments';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * Taking a case's fee on the payment terminal, as the counter window sees it
 * (docs/payment-terminal.md §8, docs/ipc.md). One transaction at a time per terminal; every
 * status is in the journal before the window hears of it.
 */

const instant = z.iso.datetime();

/** How the terminal stands, shown before the clerk tries to take a payment. */
export const terminalStateSchema = z.object({
  kind: z.enum(['simulator', 'usb-hid', 'tcp']),
  /** connected: ready; busy: a transaction runs; disconnected: unplugged or not answering. */
  connection: z.enum(['connected', 'busy', 'disconnected']),
  terminalId: z.string().nullable(),
  /** Since when it is in this state (for the supervisor's "offline since"). */
  since: instant,
  detail: z.string().nullable(),
});
export type TerminalState = z.infer<typeof terminalStateSchema>;

/**
 * A payment's state in the journal:
 * - prepared: written, the terminal not asked yet (a crash here: nothing was charged);
 * - sent / in-progress: the terminal has it (card, PIN, BLIK code, confirmation in the bank app);
 * - approved: the terminal approved and the app acknowledged it: money taken;
 * - declined / cancelled / failed: nothing taken (failed: the link broke before the terminal
 *   could have charged, or the terminal reversed it itself);
 * - needs-reconciliation: it could not be decided whether money was taken; the clerk and the
 *   supervisor see it until someone settles it by hand; never retried silently;
 * - reversing: an approved payment whose reversal the terminal runs now (the money still
 *   stands until the terminal commits the reversal);
 * - reversed: an approved payment cancelled the same day (returned to the card or account).
 */
export const paymentStatusSchema = z.enum([
  'prepared',
  'sent',
  'in-progress',
  'approved',
  'declined',
  'cancelled',
  'failed',
  'needs-reconciliation',
  'reversing',
  'reversed',
]);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** What the terminal asks of the resident right now, for the clerk's live status. */
export const paymentPromptSchema = z.enum([
  'insert-card',
  'enter-pin',
  'enter-blik-code',
  'confirm-in-bank-app',
  'processing',
  'remove-card',
  'please-wait',
]);
export type PaymentPrompt = z.infer<typeof paymentPromptSchema>;

export const paymentRecordSchema = z.object({
  paymentId: z.uuid(),
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  method: paymentMethodSchema,
  amountGrosze: z.int().min(1),
  status: paymentStatusSchema,
  prompt: paymentPromptSchema.nullable(),
  /** The terminal's or the app's words for the outcome (declined: why). */
  resultText: z.string().nullable(),
  resultCode: z.int().nullable(),
  authorisationCode: z.string().nullable(),
  /** Masked (`**** **** **** 1234`); null for BLIK. */
  maskedPan: z.string().nullable(),
  traceNumber: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  terminalId: z.string().nullable(),
  clerkLogin: z.string(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  /** Whether the clerk may still cancel (before the terminal has committed). */
  cancellable: z.boolean(),
});
export type PaymentRecord = z.infer<typeof paymentRecordSchema>;

/** What a case owes: paid by approved payments, against its fee. */
export const casePaymentsSchema = z.object({
  caseId: z.uuid(),
  feeGrosze: z.int().min(0),
  paidGrosze: z.int().min(0),
  dueGrosze: z.int().min(0),
  state: z.enum(['free', 'to-pay', 'partly-paid', 'paid']),
  payments: z.array(paymentRecordSchema),
});
export type CasePayments = z.infer<typeof casePaymentsSchema>;

export const endOfDayResultSchema = endOfDayReportSchema;
export { settlementDifferenceSchema };

const paymentRef = z.object({ paymentId: z.uuid() }).strict();

export const paymentsChannels = {
  'payments:terminal': defineChannel({
    summary: 'The terminal’s state now (connected, busy, disconnected), before a payment.',
    request: z.object({}).strict(),
    response: terminalStateSchema,
  }),
  'payments:start': defineChannel({
    summary:
      'Take a payment for a case on the terminal (card or BLIK); written to the journal before the terminal is asked.',
    request: z
      .object({
        caseId: z.uuid(),
        method: paymentMethodSchema,
        amountGrosze: z.int().min(1).max(100_000_000),
      })
      .strict(),
    response: paymentRecordSchema,
    errorCodes: [
      'no-session',
      'unknown-case',
      'amount-exceeds-due',
      'terminal-disconnected',
      'terminal-busy',
      'needs-reconciliation-first',
    ],
  }),
  'payments:cancel': defineChannel({
    summary: 'Ask the terminal to abort the running payment, while it still can.',
    request: paymentRef,
    response: paymentRecordSchema,
    errorCodes: ['no-session', 'unknown-payment', 'too-late'],
  }),
  'payments:get': defineChannel({
    summary: 'One payment from the journal.',
    request: paymentRef,
    response: paymentRecordSchema,
    errorCodes: ['unknown-payment'],
  }),
  'payments:forCase': defineChannel({
    summary: 'A case’s payments and what it still owes (paid / partly paid / to pay).',
    request: z.object({ caseId: z.uuid() }).strict(),
    response: casePaymentsSchema,
    errorCodes: ['unknown-case'],
  }),
  'payments:reconciliation': defineChannel({
    summary: 'Payments awaiting manual reconciliation on this PC.',
    request: z.object({}).strict(),
    response: z.object({ payments: z.array(paymentRecordSchema) }),
  }),
  'payments:settle': defineChannel({
    summary:
      'Settle a payment awaiting reconciliation by hand (after checking the terminal’s printout), with a note.',
    request: z
      .object({
        paymentId: z.uuid(),
        outcome: z.enum(['approved', 'not-charged']),
        note: z.string().trim().min(3).max(500),
      })
      .strict(),
    response: paymentRecordSchema,
    errorCodes: ['no-session', 'unknown-payment', 'not-awaiting-reconciliation'],
  }),
  'payments:reverse': defineChannel({
    summary:
      'Reverse an approved payment of today, before the end of day (the money goes back to the card or account); written to the journal before the terminal is asked.',
    request: z
      .object({
        paymentId: z.uuid(),
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
    response: paymentRecordSchema,
    errorCodes: [
      'no-session',
      'unknown-payment',
      'not-reversible',
      'after-end-of-day',
      'terminal-disconnected',
      'terminal-busy',
    ],
  }),
  'payments:endOfDay': defineChannel({
    summary:
      'Run the terminal’s end of day and compare its totals with the journal, per method; differences listed per transaction.',
    request: z.object({}).strict(),
    response: endOfDayResultSchema,
    errorCodes: ['no-session', 'terminal-disconnected', 'terminal-busy'],
  }),
} as const;

export const paymentsEvents = {
  'payments:changed': defineEvent({
    summary: 'A payment’s status or the terminal’s prompt changed (live status for the clerk).',
    payload: paymentRecordSchema,
  }),
  'payments:terminalChanged': defineEvent({
    summary: 'The terminal was plugged, unplugged, became busy or free.',
    payload: terminalStateSchema,
  }),
} as const;
