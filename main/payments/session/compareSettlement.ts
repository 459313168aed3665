/**
 * End of day (§5.11, §8): the terminal's totals beside the journal's approved payments since the
 * last end of day, per method. The terminal reports totals only (DF44 per method, or one total
 * without it), so for a method that differs the journal's transactions of that method are
 * listed, each for checking against the terminal's printout, and the note says why.
 */
import type {
  MethodTotals,
  PaymentMethod,
  SettlementDifference,
} from '../../../common/contract/central/payments';

export type JournalPayment = {
  paymentId: string;
  method: PaymentMethod;
  amountGrosze: number;
  traceNumber: number | null;
};

export type TerminalTotals = {
  totalGrosze: number;
  byMethod: { method: PaymentMethod; count: number; totalGrosze: number }[] | null;
};

export type SettlementComparison = {
  terminal: MethodTotals[];
  journal: MethodTotals[];
  differences: SettlementDifference[];
  balanced: boolean;
};

const METHODS: readonly PaymentMethod[] = ['card', 'blik'];
const METHOD_NAMES: Record<PaymentMethod, string> = { card: 'karta', blik: 'BLIK' };

export function compareSettlement(
  terminal: TerminalTotals,
  payments: readonly JournalPayment[],
): SettlementComparison {
  const journal = METHODS.map((method) => totalsOf(method, payments));
  if (terminal.byMethod === null) return compareTotalOnly(terminal.totalGrosze, journal, payments);
  const terminalTotals = METHODS.map(
    (method) =>
      terminal.byMethod!.find((entry) => entry.method === method) ?? {
        method,
        count: 0,
        totalGrosze: 0,
      },
  );
  const differences: SettlementDifference[] = [];
  for (const method of METHODS) {
    const ours = journal.find((entry) => entry.method === method)!;
    const theirs = terminalTotals.find((entry) => entry.method === method)!;
    if (ours.count === theirs.count && ours.totalGrosze === theirs.totalGrosze) continue;
    const kind = ours.count === theirs.count ? 'amount-differs' : 'count-differs';
    differences.push({
      kind,
      method,
      paymentId: null,
      traceNumber: null,
      journalGrosze: ours.totalGrosze,
      terminalGrosze: theirs.totalGrosze,
      note: `${METHOD_NAMES[method]}: terminal ${theirs.count} transakcji, ${theirs.totalGrosze} gr; dziennik ${ours.count} transakcji, ${ours.totalGrosze} gr. Terminal podaje tylko sumy: poniżej transakcje z dziennika do sprawdzenia z wydrukiem terminala.`,
    });
    differences.push(...listForChecking(method, kind, payments));
  }
  return {
    terminal: terminalTotals.map(({ method, count, totalGrosze }) => ({
      method,
      count,
      totalGrosze,
    })),
    journal,
    differences,
    balanced: differences.length === 0,
  };
}

/** A terminal without per-method totals: the sum decides, every transaction is listed. */
function compareTotalOnly(
  totalGrosze: number,
  journal: MethodTotals[],
  payments: readonly JournalPayment[],
): SettlementComparison {
  const ours = journal.reduce((sum, entry) => sum + entry.totalGrosze, 0);
  const differences: SettlementDifference[] = [];
  if (ours !== totalGrosze) {
    for (const method of METHODS) {
      differences.push(...listForChecking(method, 'amount-differs', payments));
    }
    differences.unshift({
      kind: 'amount-differs',
      method: 'card',
      paymentId: null,
      traceNumber: null,
      journalGrosze: ours,
      terminalGrosze: totalGrosze,
      note: `Terminal podaje tylko sumę wszystkich metod (${totalGrosze} gr), dziennik ${ours} gr: sprawdź każdą transakcję z wydrukiem terminala.`,
    });
  }
  return { terminal: [], journal, differences, balanced: differences.length === 0 };
}

function listForChecking(
  method: PaymentMethod,
  kind: SettlementDifference['kind'],
  payments: readonly JournalPayment[],
): SettlementDifference[] {
  return payments
    .filter((payment) => payment.method === method)
    .map((payment) => ({
      kind,
      method,
      paymentId: payment.paymentId,
      traceNumber: payment.traceNumber === null ? null : String(payment.traceNumber),
      journalGrosze: payment.amountGrosze,
      terminalGrosze: null,
      note: 'Transakcja z dziennika do sprawdzenia (terminal nie podaje transakcji pojedynczo).',
    }));
}

function totalsOf(method: PaymentMethod, payments: readonly JournalPayment[]): MethodTotals {
  const own = payments.filter((payment) => payment.method === method);
  return {
    method,
    count: own.length,
    totalGrosze: own.reduce((sum, payment) => sum + payment.amountGrosze, 0),
  };
}
