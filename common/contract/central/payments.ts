import { z } from 'zod';

/**
 * Payments as a counter PC reports them to the central server (docs/payment-terminal.md,
 * docs/sync-api.md): each approved (or later reversed) payment of a case and each end-of-day
 * settlement go through the outbox. Only the masked card number ever leaves the terminal.
 */

export const paymentMethodSchema = z.enum(['card', 'blik']);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

const grosze = z.int().min(0).max(100_000_000);
const instant = z.iso.datetime();

/** `payment.record`: a payment the terminal approved (or its reversal/refund), final. */
export const paymentRecordMutationSchema = z.strictObject({
  paymentId: z.uuid(),
  /** The case it pays for; null for a payment taken without a case (not offered by the UI). */
  caseId: z.uuid().nullable(),
  siteId: z.string().min(1),
  counterNumber: z.int().min(1).max(999),
  clerkLogin: z.string().min(1),
  method: paymentMethodSchema,
  amountGrosze: grosze.min(1),
  /** approved: money taken; reversed: cancelled the same day; refunded: paid back later. */
  outcome: z.enum(['approved', 'reversed', 'refunded']),
  terminalId: z.string().max(20).nullable(),
  traceNumber: z.string().max(10).nullable(),
  receiptNumber: z.string().max(10).nullable(),
  authorisationCode: z.string().max(20).nullable(),
  /** `**** **** **** 1234`, or null for BLIK. */
  maskedPan: z
    .string()
    .regex(/^[*\d ]{4,25}$/)
    .nullable(),
  at: instant,
});
export type PaymentRecordMutation = z.infer<typeof paymentRecordMutationSchema>;

export const methodTotalsSchema = z.strictObject({
  method: paymentMethodSchema,
  count: z.int().min(0),
  totalGrosze: z.int().min(0),
});
export type MethodTotals = z.infer<typeof methodTotalsSchema>;

/** One difference found at end of day between the terminal and this PC's journal. */
export const settlementDifferenceSchema = z.strictObject({
  kind: z.enum(['missing-in-terminal', 'missing-in-journal', 'amount-differs', 'count-differs']),
  method: paymentMethodSchema,
  paymentId: z.uuid().nullable(),
  traceNumber: z.string().nullable(),
  journalGrosze: z.int().nullable(),
  terminalGrosze: z.int().nullable(),
  note: z.string(),
});
export type SettlementDifference = z.infer<typeof settlementDifferenceSchema>;

/** `payment.endOfDay`: the terminal's settlement beside the journal, per method. */
export const endOfDayReportSchema = z.strictObject({
  reportId: z.uuid(),
  siteId: z.string().min(1),
  counterNumber: z.int().min(1).max(999),
  clerkLogin: z.string().min(1),
  terminalId: z.string().max(20).nullable(),
  ranAt: instant,
  terminal: z.array(methodTotalsSchema),
  journal: z.array(methodTotalsSchema),
  differences: z.array(settlementDifferenceSchema),
  balanced: z.boolean(),
});
export type EndOfDayReport = z.infer<typeof endOfDayReportSchema>;
