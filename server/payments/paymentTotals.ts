import type { Kysely } from 'kysely';
import type { PaymentMethod, SettlementDifference } from '../../common/contract/central/payments';
import type { CivilDate } from '../../common/domain/civilDate';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreFlag, fromStoreJson, fromStoreTime } from '../store/storeValues';

/**
 * What the supervisor sees of a site's card and BLIK payments on one day (the site's calendar):
 * totals per terminal and per method, payments whose case the register still does not know, and
 * each counter's latest end of day. A payment counts on the day it was taken; a reversed or
 * refunded one no longer counts in the total and is shown beside it.
 */

export type PaymentSums = {
  /** Payments that stand (approved, not reversed or refunded). */
  count: number;
  totalGrosze: number;
  /** Payments taken that day and since reversed or refunded. */
  withdrawnCount: number;
  withdrawnGrosze: number;
};

export type TerminalSums = PaymentSums & { terminalId: string | null; counterNumbers: number[] };
export type MethodSums = PaymentSums & { method: PaymentMethod };

export type UnmatchedPayment = {
  paymentId: string;
  caseId: string | null;
  counterNumber: number;
  amountGrosze: number;
  takenAt: string;
};

export type SitePaymentTotals = {
  siteId: string;
  day: CivilDate;
  all: PaymentSums;
  byTerminal: TerminalSums[];
  byMethod: MethodSums[];
  /** Standing payments whose case is not (yet) in the register, or that name no case. */
  unmatched: UnmatchedPayment[];
};

type Where = { siteId: string; day: CivilDate };

const emptySums = (): PaymentSums => ({
  count: 0,
  totalGrosze: 0,
  withdrawnCount: 0,
  withdrawnGrosze: 0,
});

function add(sums: PaymentSums, outcome: string, count: number, grosze: number): void {
  if (outcome === 'approved') {
    sums.count += count;
    sums.totalGrosze += grosze;
  } else {
    sums.withdrawnCount += count;
    sums.withdrawnGrosze += grosze;
  }
}

export async function sitePaymentTotals(
  db: Kysely<CentralDatabase>,
  { siteId, day }: Where,
): Promise<SitePaymentTotals> {
  const groups = await db
    .selectFrom('payments')
    .select(['terminal_id', 'counter_number', 'method', 'outcome'])
    .select((eb) => [
      eb.fn.countAll<string | number>().as('payments'),
      eb.fn.sum<string | number>('amount_grosze').as('grosze'),
    ])
    .where('site_id', '=', siteId)
    .where('site_day', '=', day)
    .groupBy(['terminal_id', 'counter_number', 'method', 'outcome'])
    .execute();

  const all = emptySums();
  const terminals = new Map<string, TerminalSums>();
  const methods = new Map<PaymentMethod, MethodSums>();
  for (const group of groups) {
    const count = Number(group.payments);
    const grosze = Number(group.grosze);
    add(all, group.outcome, count, grosze);

    const terminalKey = group.terminal_id ?? '';
    let terminal = terminals.get(terminalKey);
    if (!terminal) {
      terminal = { terminalId: group.terminal_id, counterNumbers: [], ...emptySums() };
      terminals.set(terminalKey, terminal);
    }
    if (!terminal.counterNumbers.includes(group.counter_number)) {
      terminal.counterNumbers.push(group.counter_number);
    }
    add(terminal, group.outcome, count, grosze);

    let method = methods.get(group.method);
    if (!method) {
      method = { method: group.method, ...emptySums() };
      methods.set(group.method, method);
    }
    add(method, group.outcome, count, grosze);
  }

  const unmatched = await db
    .selectFrom('payments')
    .leftJoin('cases', 'cases.id', 'payments.case_id')
    .select([
      'payments.payment_id',
      'payments.case_id',
      'payments.counter_number',
      'payments.amount_grosze',
      'payments.taken_at',
    ])
    .where('payments.site_id', '=', siteId)
    .where('payments.site_day', '=', day)
    .where('payments.outcome', '=', 'approved')
    .where('cases.id', 'is', null)
    .orderBy('payments.taken_at')
    .execute();

  return {
    siteId,
    day,
    all,
    byTerminal: [...terminals.values()]
      .map((terminal) => ({
        ...terminal,
        counterNumbers: terminal.counterNumbers.sort((x, y) => x - y),
      }))
      .sort((x, y) => (x.terminalId ?? '').localeCompare(y.terminalId ?? '')),
    byMethod: [...methods.values()].sort((x, y) => x.method.localeCompare(y.method)),
    unmatched: unmatched.map((row) => ({
      paymentId: row.payment_id,
      caseId: row.case_id,
      counterNumber: row.counter_number,
      amountGrosze: Number(row.amount_grosze),
      takenAt: fromStoreTime(row.taken_at),
    })),
  };
}

export type CounterEndOfDay = {
  counterNumber: number;
  /** balanced / differences: the latest report of the day says so; not-run: none that day. */
  status: 'balanced' | 'differences' | 'not-run';
  /** Standing payments the counter took that day. */
  paymentCount: number;
  latest: {
    reportId: string;
    ranAt: string;
    clerkLogin: string;
    terminalId: string | null;
    differences: SettlementDifference[];
  } | null;
};

/**
 * Each counter's latest end of day on the day, and the counters that took payments that day but
 * have not run one: the supervisor's "who still has to settle".
 */
export async function endOfDayStatusPerCounter(
  db: Kysely<CentralDatabase>,
  { siteId, day }: Where,
): Promise<CounterEndOfDay[]> {
  const reports = await db
    .selectFrom('end_of_day_reports')
    .select([
      'report_id',
      'counter_number',
      'ran_at',
      'clerk_login',
      'terminal_id',
      'differences',
      'balanced',
    ])
    .where('site_id', '=', siteId)
    .where('site_day', '=', day)
    .orderBy('ran_at')
    .execute();
  const paying = await db
    .selectFrom('payments')
    .select('counter_number')
    .select((eb) => eb.fn.countAll<string | number>().as('payments'))
    .where('site_id', '=', siteId)
    .where('site_day', '=', day)
    .where('outcome', '=', 'approved')
    .groupBy('counter_number')
    .execute();

  const counters = new Map<number, CounterEndOfDay>();
  const counter = (counterNumber: number): CounterEndOfDay => {
    let found = counters.get(counterNumber);
    if (!found) {
      found = { counterNumber, status: 'not-run', paymentCount: 0, latest: null };
      counters.set(counterNumber, found);
    }
    return found;
  };
  for (const row of paying) counter(row.counter_number).paymentCount = Number(row.payments);
  // In time order: the last one written is the latest.
  for (const row of reports) {
    const entry = counter(row.counter_number);
    entry.status = fromStoreFlag(row.balanced) ? 'balanced' : 'differences';
    entry.latest = {
      reportId: row.report_id,
      ranAt: fromStoreTime(row.ran_at),
      clerkLogin: row.clerk_login,
      terminalId: row.terminal_id,
      differences: fromStoreJson(row.differences) as SettlementDifference[],
    };
  }
  return [...counters.values()].sort((x, y) => x.counterNumber - y.counterNumber);
}
