import type { Kysely } from 'kysely';
import type { PaymentsSummary } from '../../common/contract/central/supervisor';
import type { ReconciliationStatus } from '../../common/contract/central/supervisor';
import { endOfDayStatusPerCounter, sitePaymentTotals } from '../payments/paymentTotals';
import type { CentralDatabase } from '../store/centralDatabase';

export type PaymentOverview = {
  summary: PaymentsSummary;
  /** End-of-day reports with differences: each one an alert until reconciled. */
  reconciliations: {
    counterNumber: number;
    terminalId: string | null;
    ranAt: number;
    differences: number;
  }[];
};

/**
 * The day's card and BLIK payments of a site as the supervisor sees them, from the payments
 * module's totals (`server/payments/paymentTotals.ts`): per terminal and per method, standing
 * payments only, and each terminal's end of day (its counters' latest reports).
 */
export async function paymentOverview(
  db: Kysely<CentralDatabase>,
  siteId: string,
  day: string,
): Promise<PaymentOverview> {
  const [totals, endOfDay] = await Promise.all([
    sitePaymentTotals(db, { siteId, day }),
    endOfDayStatusPerCounter(db, { siteId, day }),
  ]);
  const statusOfCounter = new Map(endOfDay.map((entry) => [entry.counterNumber, entry]));
  const worst = (statuses: ReconciliationStatus[]): ReconciliationStatus =>
    statuses.includes('differences')
      ? 'differences'
      : statuses.includes('not-run') || statuses.length === 0
        ? 'not-run'
        : 'balanced';

  // Per terminal and method: the totals module groups by each alone, so count again by both.
  const byTerminalMethod = await db
    .selectFrom('payments')
    .select(['terminal_id', 'method'])
    .select((eb) => [
      eb.fn.countAll<string | number>().as('payments'),
      eb.fn.sum<string | number>('amount_grosze').as('grosze'),
    ])
    .where('site_id', '=', siteId)
    .where('site_day', '=', day)
    .where('outcome', '=', 'approved')
    .groupBy(['terminal_id', 'method'])
    .execute();
  const terminals = totals.byTerminal.map((terminal) => {
    const reports = terminal.counterNumbers.map((number) => statusOfCounter.get(number));
    const ranAt = reports
      .map((entry) => entry?.latest?.ranAt ?? null)
      .filter((at): at is string => at !== null)
      .sort()
      .at(-1);
    return {
      terminalId: terminal.terminalId,
      counterNumber: terminal.counterNumbers.length === 1 ? terminal.counterNumbers[0]! : null,
      methods: byTerminalMethod
        .filter((row) => row.terminal_id === terminal.terminalId)
        .map((row) => ({
          method: row.method,
          count: Number(row.payments),
          totalGrosze: Number(row.grosze),
        }))
        .sort((a, b) => a.method.localeCompare(b.method)),
      totalGrosze: terminal.totalGrosze,
      endOfDay: worst(reports.map((entry) => entry?.status ?? 'not-run')),
      endOfDayAt: ranAt ?? null,
    };
  });

  const withPayments = endOfDay.filter((entry) => entry.paymentCount > 0 || entry.latest !== null);
  return {
    summary: {
      available: true,
      terminals,
      methods: totals.byMethod.map((method) => ({
        method: method.method,
        count: method.count,
        totalGrosze: method.totalGrosze,
      })),
      totalGrosze: totals.all.totalGrosze,
      reconciliation:
        withPayments.length === 0 ? 'not-run' : worst(withPayments.map((entry) => entry.status)),
    },
    reconciliations: endOfDay
      .filter((entry) => entry.status === 'differences' && entry.latest !== null)
      .map((entry) => ({
        counterNumber: entry.counterNumber,
        terminalId: entry.latest!.terminalId,
        ranAt: Date.parse(entry.latest!.ranAt),
        differences: entry.latest!.differences.length,
      })),
  };
}
