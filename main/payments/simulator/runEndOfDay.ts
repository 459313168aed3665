/**
 * End of day (06 50): the day's standing payments as totals (BMP 60 and Okienko's DF44,
 * §5.11); once the totals reached the app the journal starts afresh.
 */
import { CURRENCY_PLN } from '../zvt/bcd';
import { dayTotals } from './endOfDayTotals';
import type { RunContext } from './runContext';
import { terminalClock } from './transactionMessages';

export async function runEndOfDay(context: RunContext): Promise<void> {
  const c = context.conversation;
  if (!(await c.send({ kind: 'ack' }))) return;
  if ((await c.sleep(context.timings.bankMs)) !== 'elapsed') return;
  const state = context.state();
  const totals = dayTotals(state.journal);
  const delivered = await c.send({
    kind: 'status-information',
    resultCode: 0,
    amountGrosze: totals.totalGrosze,
    currency: CURRENCY_PLN,
    traceNumber: state.nextTraceNumber,
    ...terminalClock(context.now()),
    terminalId: state.terminalId,
    individualTotals: totals.individualTotals,
    methodTotals: totals.methodTotals,
  });
  if (!delivered) return;
  context.save({ ...context.state(), journal: [] });
  if ((await c.awaitAnswer()).kind !== 'ack') return;
  await c.exchange({ kind: 'completion', terminalId: state.terminalId });
}
