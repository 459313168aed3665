/**
 * The end-of-day answer of the simulated terminal (§5.11): the payments that stand (approved,
 * committed by the app, not reversed since), in total, per card scheme (BMP 60) and per
 * payment method (Okienko's DF44). Refunds are not in these totals (an open point, §14).
 */
import { TOTALS_CARD_TYPES } from '../zvt/messageTypes';
import type { IndividualTotals, MethodTotal } from '../zvt/messageTypes';
import type { SimTransaction } from './simulatorState';

export type DayTotals = {
  totalGrosze: number;
  count: number;
  individualTotals: IndividualTotals;
  methodTotals: MethodTotal[];
};

export function standingPayments(journal: readonly SimTransaction[]): SimTransaction[] {
  return journal.filter((tx) => tx.kind === 'payment' && tx.state === 'committed' && !tx.voided);
}

export function dayTotals(journal: readonly SimTransaction[]): DayTotals {
  const payments = standingPayments(journal);
  const groups = new Map(TOTALS_CARD_TYPES.map((type) => [type, { count: 0, amountGrosze: 0 }]));
  const methods = new Map<MethodTotal['paymentType'], MethodTotal>();
  for (const tx of payments) {
    const group = groups.get(schemeOf(tx))!;
    group.count = Math.min(0xff, group.count + 1);
    group.amountGrosze += tx.amountGrosze;
    const method = methods.get(tx.method) ?? { paymentType: tx.method, count: 0, amountGrosze: 0 };
    method.count += 1;
    method.amountGrosze += tx.amountGrosze;
    methods.set(tx.method, method);
  }
  const receipts = journal.map((tx) => tx.receiptNumber);
  return {
    totalGrosze: payments.reduce((sum, tx) => sum + tx.amountGrosze, 0),
    count: payments.length,
    individualTotals: {
      receiptNumberFrom: receipts.length ? Math.min(...receipts) : 0,
      receiptNumberTo: receipts.length ? Math.max(...receipts) : 0,
      cardTypes: TOTALS_CARD_TYPES.map((cardType) => ({ cardType, ...groups.get(cardType)! })),
    },
    methodTotals: (['card', 'blik'] as const).flatMap((method) => methods.get(method) ?? []),
  };
}

function schemeOf(tx: SimTransaction): (typeof TOTALS_CARD_TYPES)[number] {
  if (tx.method === 'blik') return 'other';
  return tx.cardName?.startsWith('Visa') ? 'visa' : 'eurocard';
}
