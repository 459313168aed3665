/**
 * Deciding an in-flight payment from the terminal's last transaction (§8 rule 4): is the
 * terminal's last transaction this payment, and did it keep the money? Anything short of a
 * clear answer is `needs-reconciliation`: a person checks the terminal's printout. Never "try
 * again".
 *
 * The terminal records a transaction before it asks the bank (Okienko profile, §13), and runs
 * one at a time, so a payment it ever started is its last transaction until another starts.
 */
import type { LastTransactionAnswer } from './terminalAdapter';

export type InFlightPayment = {
  amountGrosze: number;
  /** Known when the live result reached the app. */
  traceNumber: number | null;
  /** When the command was sent (ISO); null when it was never sent. */
  sentAt: string | null;
};

export type Decision =
  | { outcome: 'approved'; reason: string }
  | { outcome: 'not-charged'; reason: string }
  | { outcome: 'needs-reconciliation'; reason: string };

export type MatchContext = {
  /** Whether another journal row already holds this trace number (an earlier payment). */
  traceHeldByOther(traceNumber: number): boolean;
  /** How far the terminal's clock may be from the PC's and still count as the same moment. */
  toleranceMs: number;
};

export function matchLastTransaction(
  payment: InFlightPayment,
  answer: Extract<LastTransactionAnswer, { kind: 'transaction' | 'none' }>,
  context: MatchContext,
): Decision {
  if (answer.kind === 'none') {
    return { outcome: 'not-charged', reason: 'the terminal holds no transaction at all' };
  }
  const last = answer.result;
  if (payment.traceNumber !== null) {
    if (last.traceNumber !== payment.traceNumber || last.amountGrosze !== payment.amountGrosze) {
      return {
        outcome: 'needs-reconciliation',
        reason: `the terminal's last transaction (trace ${last.traceNumber ?? '?'}) is not this payment (trace ${payment.traceNumber})`,
      };
    }
    return byState(last.state);
  }
  if (last.traceNumber !== null && context.traceHeldByOther(last.traceNumber)) {
    return {
      outcome: 'not-charged',
      reason: `the terminal's last transaction (trace ${last.traceNumber}) is an earlier payment: this one never started`,
    };
  }
  if (last.amountGrosze !== payment.amountGrosze) {
    return {
      outcome: 'needs-reconciliation',
      reason: `the terminal's last transaction is another amount (${last.amountGrosze ?? '?'} gr)`,
    };
  }
  if (!withinTolerance(last.terminalTime, payment.sentAt, context.toleranceMs)) {
    return {
      outcome: 'needs-reconciliation',
      reason: `the terminal's last transaction (${last.terminalTime ?? 'no time'}) is not from when this payment was sent`,
    };
  }
  return byState(last.state);
}

function byState(state: 'committed' | 'reversed' | 'not-approved' | null): Decision {
  switch (state) {
    case 'committed':
      return { outcome: 'approved', reason: 'the terminal committed it' };
    case 'reversed':
      return { outcome: 'not-charged', reason: 'the terminal reversed it' };
    case 'not-approved':
      return { outcome: 'not-charged', reason: 'the terminal did not approve it' };
    case null:
      return {
        outcome: 'needs-reconciliation',
        reason: 'the terminal does not say whether it kept the money',
      };
  }
}

/** `YYMMDDhhmmss` in the terminal's (= the counter's local) time, against an ISO instant. */
export function withinTolerance(
  terminalTime: string | null,
  sentAt: string | null,
  toleranceMs: number,
): boolean {
  if (sentAt === null) return false;
  if (terminalTime === null) return true; // nothing to compare: amount and trace decide
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(terminalTime);
  if (!match) return true;
  const [, yy, mo, dd, hh, mi, ss] = match.map(Number) as number[];
  const at = new Date(2000 + yy!, mo! - 1, dd!, hh!, mi!, ss!).getTime();
  return Math.abs(at - Date.parse(sentAt)) <= toleranceMs;
}
