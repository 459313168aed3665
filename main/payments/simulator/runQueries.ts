/**
 * The simulated terminal's answers that move no money: registration (06 00), status enquiry
 * (05 01) and repeat receipt (06 20), the question the app asks after an inconclusive ending
 * (§8): the last transaction with its fate in DF45.
 */
import { CURRENCY_PLN } from '../zvt/bcd';
import type { RunContext } from './runContext';
import { receiptFor, statusInformationFor } from './transactionMessages';

export const SOFTWARE_VERSION = 'OKIENKO-SIM 1.0';
const TERMINAL_READY = 0x00;
const FUNCTION_NOT_POSSIBLE = 0x83;

export async function runRegistration(context: RunContext): Promise<void> {
  const c = context.conversation;
  if (!(await c.send({ kind: 'ack' }))) return;
  await c.exchange({
    kind: 'completion',
    statusByte: 0x00,
    terminalId: context.state().terminalId,
    currency: CURRENCY_PLN,
  });
}

export async function runStatusEnquiry(context: RunContext): Promise<void> {
  const c = context.conversation;
  if (!(await c.send({ kind: 'ack' }))) return;
  await c.exchange({
    kind: 'completion',
    softwareVersion: SOFTWARE_VERSION,
    terminalStatus: TERMINAL_READY,
  });
}

export async function runRepeatReceipt(context: RunContext): Promise<void> {
  const c = context.conversation;
  if (!(await c.send({ kind: 'ack' }))) return;
  const { last, terminalId } = context.state();
  if (!last) {
    await c.exchange({ kind: 'abort', resultCode: FUNCTION_NOT_POSSIBLE });
    return;
  }
  const answer = await c.exchange(statusInformationFor(last, { terminalId, withState: true }));
  if (answer.kind !== 'ack') return;
  if (last.state === 'committed') {
    if ((await c.exchange(receiptFor(last, terminalId, true))).kind !== 'ack') return;
  }
  await c.exchange({ kind: 'completion', terminalId });
}
