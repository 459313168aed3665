/**
 * Authorisation (06 01) and refund (06 31) on the simulated terminal, §7:
 *
 *   ← 80 00 00
 *   ← 04 FF "insert card" | BLIK "enter the code" (DF42 01, DF43)   cancellable by 06 B0
 *   ← BLIK: 04 FF "confirm in the app" (DF42 02)
 *   ← 04 FF 04 "waiting for the bank"
 *   ← 04 0F result                       the app's 80 00 00 commits, 84 xx or silence reverses
 *   ← 06 D3 receipt (approved and committed)
 *   ← 06 0F completion
 *
 * or `06 1E 6C` when the resident cancels, the code expires or the app aborts. The scenario
 * of the command decides the ending (scenarios.ts).
 */
import { CURRENCY_PLN } from '../zvt/bcd';
import type { Authorisation, Refund } from '../zvt/messageTypes';
import type { WaitOutcome } from './conversation';
import { allocateNumbers } from './runContext';
import type { RunContext } from './runContext';
import type { Scenario } from './scenarios';
import type { SimTransaction } from './simulatorState';
import { limitSeconds } from './simulatorTimings';
import {
  authorisationCodeFor,
  cardFor,
  receiptFor,
  statusInformationFor,
  terminalClock,
} from './transactionMessages';

const INSERT_CARD = 0x0a;
const WAITING_FOR_BANK = 0x04;
const NO_CODE_FITS = 0xff;
const ABORTED = 0x6c;
const WRONG_CURRENCY = 0x6f;
/** The issuer's "do not honour": ZVT passes 01-63 on from the bank (§9). */
const DECLINED_BY_BANK = 0x05;

export async function runPayment(
  context: RunContext,
  command: Authorisation | Refund,
): Promise<void> {
  const c = context.conversation;
  if (!(await c.send({ kind: 'ack' }))) return;
  if ((command.currency ?? 978) !== CURRENCY_PLN) {
    // Without BMP 49 a terminal assumes euro (§5.2); this one takes only złoty.
    await c.exchange({ kind: 'abort', resultCode: WRONG_CURRENCY });
    return;
  }
  const scenario = context.takeScenario();
  const numbers = allocateNumbers(context);
  let tx: SimTransaction = {
    kind: command.kind === 'authorisation' ? 'payment' : 'refund',
    method: command.paymentType,
    amountGrosze: command.amountGrosze,
    ...numbers,
    ...terminalClock(context.now()),
    state: 'authorising',
    resultCode: ABORTED,
  };
  context.record(tx);

  const customer = await customerStep(context, tx, scenario);
  if (customer !== 'elapsed') {
    tx = { ...tx, state: 'not-approved', resultCode: ABORTED };
    if (customer === 'abort-requested' || customer === 'gave-up') {
      context.record(tx);
      await c.exchange({
        kind: 'abort',
        resultCode: ABORTED,
        extendedErrorText: customer === 'gave-up' ? 'Czas minal' : 'Przerwano',
      });
    } else if (customer !== 'stopped') {
      context.record(tx);
    }
    return;
  }

  if (!(await step(context, { statusCode: WAITING_FOR_BANK }))) return abandon(context, tx);
  if ((await c.sleep(context.timings.bankMs)) !== 'elapsed') return abandon(context, tx);

  const terminalId = context.state().terminalId;
  if (scenario === 'decline') {
    tx = { ...tx, state: 'not-approved', resultCode: DECLINED_BY_BANK };
    context.record(tx);
    const answer = await c.exchange(statusInformationFor(tx, { terminalId }));
    if (answer.kind === 'ack') await c.exchange({ kind: 'completion', terminalId });
    return;
  }

  const card = tx.method === 'card' ? cardFor(tx.traceNumber) : undefined;
  tx = {
    ...tx,
    state: 'awaiting-answer',
    resultCode: 0,
    authorisationCode: authorisationCodeFor(tx.traceNumber),
    ...(card ? { cardNumberMasked: card.cardNumberMasked, cardName: card.cardName } : {}),
  };
  context.record(tx);

  const hooks = context.hooks;
  const faultHook = {
    'link-drop': hooks.dropLink,
    'lose-response': hooks.loseOutgoing,
    'wrong-last': hooks.dropLink,
    reboot: hooks.reboot,
  };
  if (scenario in faultHook && !faultHook[scenario as keyof typeof faultHook]) {
    // No cable to act on (TCP): the result is as good as never sent.
    return abandon(context, tx);
  }
  if (scenario === 'reboot') {
    hooks.reboot?.();
    return;
  }
  if (scenario === 'wrong-last') {
    keepButForget(context, tx);
    hooks.dropLink?.();
    return;
  }
  const result = statusInformationFor(tx, { terminalId });
  if (scenario === 'lose-response') hooks.loseOutgoing?.(true);
  const delivered = await c.send(result);
  if (scenario === 'lose-response') hooks.loseOutgoing?.(false);
  if (!delivered) return abandon(context, tx);
  if (scenario === 'link-drop') hooks.dropLink?.();

  // The commit point (§8): only the app's 80 00 00 to this status information keeps the money.
  const answer = await c.awaitAnswer();
  if (answer.kind === 'interrupted' && answer.reason === 'stopped') return;
  tx = { ...tx, state: answer.kind === 'ack' ? 'committed' : 'reversed' };
  context.record(tx);
  if (answer.kind === 'interrupted') return;
  if (tx.state === 'committed' && (await c.exchange(receiptFor(tx, terminalId))).kind !== 'ack') {
    return;
  }
  await c.exchange({ kind: 'completion', terminalId });
}

type CustomerOutcome = WaitOutcome | 'gave-up';

/** The resident's part: the card, or the BLIK code and its confirmation in the bank app. */
async function customerStep(
  context: RunContext,
  tx: SimTransaction,
  scenario: Scenario,
): Promise<CustomerOutcome> {
  const c = context.conversation;
  const t = context.timings;
  const giveUp = scenario === 'blik-timeout';
  const cancelByResident = scenario === 'cancel';
  // A BLIK refund goes back to the account the payment came from: no code to type.
  const needsCode = tx.method === 'blik' && tx.kind === 'payment';
  if (tx.method === 'card' || needsCode) {
    c.cancellable = true;
    const shown = await step(
      context,
      tx.method === 'card'
        ? { statusCode: INSERT_CARD }
        : {
            statusCode: NO_CODE_FITS,
            displayTexts: ['Wpisz kod BLIK'],
            blikStep: 'enter-code',
            stepTimeLimitSeconds: limitSeconds(t.blikCodeWindowMs),
          },
    );
    if (!shown) return c.interrupted ?? 'link-lost';
    const patience = tx.method === 'card' ? t.cardWindowMs : t.blikCodeWindowMs;
    const presents = tx.method === 'card' ? t.cardPresentMs : t.blikCodeEntryMs;
    const waited = await c.sleep(giveUp ? patience : cancelByResident ? presents / 2 : presents);
    c.cancellable = false;
    if (waited !== 'elapsed') return waited;
    if (giveUp) return 'gave-up';
    if (cancelByResident) return 'abort-requested';
  }
  if (needsCode) {
    const confirm = await step(context, {
      statusCode: NO_CODE_FITS,
      displayTexts: ['Potwierdz w aplikacji'],
      blikStep: 'confirm-in-app',
      stepTimeLimitSeconds: limitSeconds(t.blikConfirmWindowMs),
    });
    if (!confirm) return c.interrupted ?? 'link-lost';
    return c.sleep(t.blikConfirmMs);
  }
  return 'elapsed';
}

/** One intermediate status, acknowledged by the app; false when the run cannot go on. */
async function step(
  context: RunContext,
  status: {
    statusCode: number;
    displayTexts?: string[];
    blikStep?: 'enter-code' | 'confirm-in-app';
    stepTimeLimitSeconds?: number;
  },
): Promise<boolean> {
  const answer = await context.conversation.exchange({
    kind: 'intermediate-status',
    timeoutSeconds: 0,
    ...status,
  });
  return answer.kind === 'ack';
}

/** Amount of the terminal's own transaction that `wrong-last` answers repeat receipt with. */
const STANDALONE_GROSZE = 100;

/**
 * `wrong-last`: the bank approved; the cable is pulled before the result leaves, yet the terminal
 * keeps the money (a terminal whose commit rule differs from ours), and its "last transaction"
 * is another one: a standalone 1,00 zł charge the app never saw, on a trace number of its own.
 */
function keepButForget(context: RunContext, tx: SimTransaction): void {
  if (context.conversation.interrupted === 'stopped') return;
  context.record({ ...tx, state: 'committed' });
  const numbers = allocateNumbers(context);
  const state = context.state();
  context.save({
    ...state,
    last: { ...tx, ...numbers, amountGrosze: STANDALONE_GROSZE, state: 'committed' },
  });
}

/**
 * The run cannot go on (link lost, app re-opened, no answer): what was approved is reversed,
 * what was not yet is not approved. A stopped (crashed) terminal records nothing.
 */
function abandon(context: RunContext, tx: SimTransaction): void {
  if (context.conversation.interrupted === 'stopped') return;
  context.record({
    ...tx,
    state: tx.state === 'awaiting-answer' ? 'reversed' : 'not-approved',
    resultCode: tx.state === 'awaiting-answer' ? tx.resultCode : ABORTED,
  });
}
