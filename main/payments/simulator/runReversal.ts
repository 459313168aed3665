/**
 * Reversal (06 30) of a payment by its receipt number: like a payment, the reversal counts
 * only once the app acknowledged its status information; then the payment no longer stands.
 */
import type { Reversal } from '../zvt/messageTypes';
import { allocateNumbers } from './runContext';
import type { RunContext } from './runContext';
import type { SimTransaction } from './simulatorState';
import {
  authorisationCodeFor,
  receiptFor,
  statusInformationFor,
  terminalClock,
} from './transactionMessages';

const ALREADY_REVERSED = 0xb4;
const REVERSAL_NOT_POSSIBLE = 0xb5;

export async function runReversal(context: RunContext, command: Reversal): Promise<void> {
  const c = context.conversation;
  if (!(await c.send({ kind: 'ack' }))) return;
  const original = context
    .state()
    .journal.find(
      (tx) =>
        tx.kind === 'payment' &&
        tx.state === 'committed' &&
        tx.receiptNumber === command.receiptNumber,
    );
  if (!original || original.voided) {
    await c.exchange({
      kind: 'abort',
      resultCode: original ? ALREADY_REVERSED : REVERSAL_NOT_POSSIBLE,
    });
    return;
  }
  if ((await c.sleep(context.timings.bankMs)) !== 'elapsed') return;
  const numbers = allocateNumbers(context);
  let tx: SimTransaction = {
    kind: 'reversal',
    method: original.method,
    amountGrosze: original.amountGrosze,
    ...numbers,
    ...terminalClock(context.now()),
    originalReceiptNumber: original.receiptNumber,
    state: 'awaiting-answer',
    resultCode: 0,
    authorisationCode: authorisationCodeFor(numbers.traceNumber),
    ...(original.cardNumberMasked
      ? { cardNumberMasked: original.cardNumberMasked, cardName: original.cardName }
      : {}),
  };
  context.record(tx);
  const terminalId = context.state().terminalId;
  if (!(await c.send(statusInformationFor(tx, { terminalId })))) {
    if (c.interrupted !== 'stopped') context.record({ ...tx, state: 'reversed' });
    return;
  }
  const answer = await c.awaitAnswer();
  if (answer.kind === 'interrupted' && answer.reason === 'stopped') return;
  tx = { ...tx, state: answer.kind === 'ack' ? 'committed' : 'reversed' };
  context.record(tx);
  // The original keeps its older trace number, so the reversal stays the last transaction.
  if (tx.state === 'committed') context.record({ ...original, voided: true });
  if (answer.kind !== 'ack') return;
  if ((await c.exchange(receiptFor(tx, terminalId))).kind !== 'ack') return;
  await c.exchange({ kind: 'completion', terminalId });
}
