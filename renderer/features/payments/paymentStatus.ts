import type { PaymentRecord, PaymentStatus } from '../../../common/contract';

/** The statuses a payment ends in; `needs-reconciliation` ends only when someone settles it. */
const FINAL: ReadonlySet<PaymentStatus> = new Set([
  'approved',
  'declined',
  'cancelled',
  'failed',
  'needs-reconciliation',
  'reversed',
]);

export const isFinalStatus = (status: PaymentStatus): boolean => FINAL.has(status);

/** Whether the terminal is still working on it (the clerk waits and may cancel). */
export const isRunning = (record: Pick<PaymentRecord, 'status'>): boolean =>
  !isFinalStatus(record.status);

/**
 * How a clerk reads an outcome: money taken, nothing taken, or unknown (do not retry, check the
 * terminal's printout first).
 */
export type OutcomeTone = 'paid' | 'not-charged' | 'unknown' | 'returned';

export function outcomeTone(status: PaymentStatus): OutcomeTone | null {
  switch (status) {
    case 'approved':
      return 'paid';
    case 'declined':
    case 'cancelled':
    case 'failed':
      return 'not-charged';
    case 'needs-reconciliation':
      return 'unknown';
    case 'reversed':
      return 'returned';
    default:
      return null;
  }
}

/** The latest approved payment of a case: the one its confirmation shows. */
export function latestApproved(payments: readonly PaymentRecord[]): PaymentRecord | null {
  const approved = payments.filter((payment) => payment.status === 'approved');
  return (
    approved
      .sort((x, y) => (x.finishedAt ?? x.startedAt).localeCompare(y.finishedAt ?? y.startedAt))
      .at(-1) ?? null
  );
}
