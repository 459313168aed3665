/**
 * What a case owes: its fee (`cases.fee_grosze`) against the payments the journal holds as
 * approved. Payments in flight or awaiting reconciliation are not paid (yet): the session
 * refuses another payment for the case while one of those is open.
 */
import type Database from 'better-sqlite3';
import type { CasePayments } from '../../../common/contract';
import { caseFeeOf, caseNumberOf, paymentsOfCase, toPaymentRecord } from './paymentJournal';

/** Null when this PC holds no such case. */
export function casePayments(db: Database.Database, caseId: string): CasePayments | null {
  const feeGrosze = caseFeeOf(db, caseId);
  if (feeGrosze === null) return null;
  const rows = paymentsOfCase(db, caseId);
  const paidGrosze = rows
    .filter((row) => row.status === 'approved')
    .reduce((sum, row) => sum + row.amount_grosze, 0);
  const caseNumber = caseNumberOf(db, caseId);
  return {
    caseId,
    feeGrosze,
    paidGrosze,
    dueGrosze: Math.max(0, feeGrosze - paidGrosze),
    state:
      feeGrosze === 0
        ? 'free'
        : paidGrosze >= feeGrosze
          ? 'paid'
          : paidGrosze > 0
            ? 'partly-paid'
            : 'to-pay',
    payments: rows.map((row) => toPaymentRecord(row, caseNumber)),
  };
}
