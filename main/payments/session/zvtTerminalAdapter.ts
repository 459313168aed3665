/**
 * The ZVT adapter (docs/payment-terminal.md §7, §8, §11): the session's charge, cancel, "last
 * transaction" and "close the day" as ZVT commands over a ZvtLink. It owns the acknowledgements
 * and places the commit answer (80 00 00 to an approved 04 0F) only after the session says the
 * journal holds the result. It never sends a payment command twice: a send that may have
 * arrived, a silence or a lost link ends the charge as `inconclusive`, and the session asks.
 */
import { ZVT_ANSWER_TIMEOUT_MS, ZVT_MASTER_TIMEOUT_MS } from '../link/linkTimings';
import type { ReceivedMessage } from '../link/linkTypes';
import type { ZvtLink } from '../link/zvtLink';
import { CURRENCY_PLN } from '../zvt/bcd';
import type { ZvtMessage } from '../zvt/messageTypes';
import { describeResultCode } from '../zvt/resultCodes';
import type {
  AdapterConnection,
  ChargeCallbacks,
  ChargeEnding,
  LastTransactionAnswer,
  RegistrationAnswer,
  SettlementAnswer,
  TerminalAdapter,
  TerminalResult,
} from './terminalAdapter';
import { ZvtIncoming } from './zvtIncoming';
import { toTerminalProgress, toTerminalResult } from './zvtResults';

const PASSWORD = '000000';
const PLEASE_WAIT = 0x9c;
const NO_TRANSACTION = 0x83;
/** Our refusal of a result the journal could not take: the terminal reverses (§5.4). */
const REFUSED_BY_ECR = 0x66;
const PROTOCOL_ERROR = 0x9a;
/** §5.1: the ECR prints receipts (0x02, 0x04) and wants intermediate statuses (0x08). */
const REGISTRATION_CONFIG = 0x0e;
/** A BLIK step may take its announced limit; the answer gets this much more (§6). */
const STEP_MARGIN_MS = 30_000;

export type ZvtAdapterOptions = {
  kind: TerminalAdapter['kind'];
  /** T2 and T4 (tests shorten them). */
  answerTimeoutMs?: number;
  masterTimeoutMs?: number;
};

type Step = { kind: 'message'; message: ZvtMessage } | { kind: 'end'; detail: string };

export function createZvtTerminalAdapter(
  link: ZvtLink,
  options: ZvtAdapterOptions,
): TerminalAdapter {
  const incoming = new ZvtIncoming(link);
  const answerTimeoutMs = options.answerTimeoutMs ?? ZVT_ANSWER_TIMEOUT_MS;
  const masterTimeoutMs = options.masterTimeoutMs ?? ZVT_MASTER_TIMEOUT_MS;
  let cancelWaiter: ((accepted: boolean) => void) | null = null;

  function connection(): AdapterConnection {
    return link.state === 'connected' ? 'connected' : 'disconnected';
  }

  /** The next message of the running command; an undecodable one is refused and skipped. */
  async function next(timeoutMs: number): Promise<Step> {
    for (;;) {
      const got = await incoming.next(timeoutMs);
      if (got.kind === 'timeout') return { kind: 'end', detail: `no message in ${timeoutMs} ms` };
      if (got.kind === 'lost') return { kind: 'end', detail: got.detail };
      const received: ReceivedMessage = got.received;
      if (!received.ok) {
        await link.sendMessage({ kind: 'nack', resultCode: PROTOCOL_ERROR });
        continue;
      }
      const message = received.message;
      // The answer to our 06 B0 arrives among the command's messages.
      if (cancelWaiter && (message.kind === 'ack' || message.kind === 'nack')) {
        cancelWaiter(message.kind === 'ack');
        continue;
      }
      return { kind: 'message', message };
    }
  }

  async function ack(): Promise<boolean> {
    return (await link.sendMessage({ kind: 'ack' })).ok;
  }

  /**
   * Sends a command and awaits the terminal's 80 00 00 (T2). `sent: false` only when the
   * command surely did not arrive.
   */
  async function open(
    command: ZvtMessage,
  ): Promise<
    | { kind: 'accepted' }
    | { kind: 'refused'; resultCode: number }
    | { kind: 'failed'; sent: boolean; detail: string }
  > {
    incoming.begin();
    const sent = await link.sendMessage(command);
    if (!sent.ok) {
      return { kind: 'failed', sent: sent.error.maybeDelivered, detail: sent.error.message };
    }
    const answer = await next(answerTimeoutMs);
    if (answer.kind === 'end') return { kind: 'failed', sent: true, detail: answer.detail };
    if (answer.message.kind === 'nack')
      return { kind: 'refused', resultCode: answer.message.resultCode };
    if (answer.message.kind !== 'ack') {
      return { kind: 'failed', sent: true, detail: `${answer.message.kind} before 80 00 00` };
    }
    return { kind: 'accepted' };
  }

  /**
   * Opens a command that moves no money (registration, status, receipt, end of day). Null once
   * the terminal accepted it; else the caller's answer: busy when the terminal asks to wait.
   */
  async function openAdmin(
    command: ZvtMessage,
    name: string,
  ): Promise<{ kind: 'busy' } | { kind: 'unavailable'; detail: string } | null> {
    const opened = await open(command);
    if (opened.kind === 'failed') return { kind: 'unavailable', detail: opened.detail };
    if (opened.kind === 'refused') {
      return opened.resultCode === PLEASE_WAIT
        ? { kind: 'busy' }
        : { kind: 'unavailable', detail: `${name} refused (${opened.resultCode})` };
    }
    return null;
  }

  /** The next message of a command that moves no money, acknowledged; late 80 00 / 84 skipped. */
  async function nextAcknowledged(timeoutMs: number): Promise<Step> {
    for (;;) {
      const step = await next(timeoutMs);
      if (step.kind === 'end') return step;
      if (step.message.kind === 'ack' || step.message.kind === 'nack') continue;
      await ack();
      return step;
    }
  }

  /** Reads (and acknowledges) receipt lines until the completion; the money is decided already. */
  async function drainToCompletion(timeoutMs: number): Promise<void> {
    for (;;) {
      const step = await next(timeoutMs);
      if (step.kind === 'end') return;
      if (step.message.kind === 'ack' || step.message.kind === 'nack') continue;
      if (!(await ack())) return;
      if (step.message.kind === 'completion' || step.message.kind === 'abort') return;
    }
  }

  function charge(
    command: { amountGrosze: number; method: 'card' | 'blik' },
    callbacks: ChargeCallbacks,
  ): Promise<ChargeEnding> {
    return transaction(
      {
        kind: 'authorisation',
        amountGrosze: command.amountGrosze,
        currency: CURRENCY_PLN,
        paymentType: command.method,
      },
      callbacks,
    );
  }

  function reverse(
    command: { receiptNumber: number },
    callbacks: ChargeCallbacks,
  ): Promise<ChargeEnding> {
    return transaction(
      { kind: 'reversal', password: PASSWORD, receiptNumber: command.receiptNumber },
      callbacks,
    );
  }

  /** A command that moves money (06 01, 06 30): statuses, the result, the commit answer. */
  async function transaction(
    command: ZvtMessage,
    callbacks: ChargeCallbacks,
  ): Promise<ChargeEnding> {
    const opened = await open(command);
    if (opened.kind === 'failed') {
      return opened.sent
        ? { kind: 'inconclusive', detail: opened.detail }
        : { kind: 'not-sent', detail: opened.detail };
    }
    if (opened.kind === 'refused') {
      const described = describeResultCode(opened.resultCode);
      return {
        kind: 'refused',
        resultCode: opened.resultCode,
        text: { pl: described.pl, en: described.en },
      };
    }
    await callbacks.accepted();
    let waitMs = masterTimeoutMs;
    for (;;) {
      const step = await next(waitMs);
      if (step.kind === 'end') return { kind: 'inconclusive', detail: step.detail };
      const message = step.message;
      switch (message.kind) {
        case 'intermediate-status': {
          if (!(await ack())) return { kind: 'inconclusive', detail: 'status not acknowledged' };
          const progress = toTerminalProgress(message);
          waitMs = Math.max(
            masterTimeoutMs,
            (progress.timeLimitSeconds ?? 0) * 1000 + STEP_MARGIN_MS,
          );
          await callbacks.progress(progress);
          break;
        }
        case 'status-information':
          return finishWithResult(toTerminalResult(message), callbacks, waitMs);
        case 'abort': {
          await ack();
          const described = describeResultCode(message.resultCode);
          return {
            kind: 'aborted',
            resultCode: message.resultCode,
            category: described.category,
            text: { pl: described.pl, en: described.en },
          };
        }
        case 'ack':
        case 'nack':
          break; // a late answer to an abort request
        default:
          // Receipt lines or a completion without a result: acknowledged, nothing decided.
          if (!(await ack())) return { kind: 'inconclusive', detail: 'message not acknowledged' };
          if (message.kind === 'completion') {
            return { kind: 'inconclusive', detail: 'completion without a result' };
          }
      }
    }
  }

  /** The commit point (§8): the journal first, then our answer to the approved result. */
  async function finishWithResult(
    result: TerminalResult,
    callbacks: ChargeCallbacks,
    waitMs: number,
  ): Promise<ChargeEnding> {
    // A journal that cannot take the result refuses it: the terminal then reverses (§8 rule 3).
    const journaled = await callbacks.result(result).catch(() => false);
    if (!result.approved) {
      await ack();
      await drainToCompletion(waitMs);
      return { kind: 'result', result, committed: false };
    }
    if (!journaled) {
      await link.sendMessage({ kind: 'nack', resultCode: REFUSED_BY_ECR });
      await drainToCompletion(waitMs);
      return { kind: 'result', result, committed: false };
    }
    if (!(await ack())) return { kind: 'result', result, committed: 'unknown' };
    // The money is taken now; a journal that fails to say so is put right by asking (§8 rule 4).
    await callbacks.committed(result).catch(() => undefined);
    await drainToCompletion(waitMs);
    return { kind: 'result', result, committed: true };
  }

  async function cancel(): Promise<boolean> {
    if (cancelWaiter) return false;
    let settle: (accepted: boolean) => void = () => undefined;
    const answered = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(false), answerTimeoutMs);
      settle = (accepted: boolean) => {
        clearTimeout(timer);
        cancelWaiter = null;
        resolve(accepted);
      };
      cancelWaiter = settle;
    });
    const sent = await link.sendMessage({ kind: 'abort-request' });
    if (!sent.ok) settle(false);
    return answered;
  }

  async function register(): Promise<RegistrationAnswer> {
    const refusal = await openAdmin(
      {
        kind: 'registration',
        password: PASSWORD,
        configByte: REGISTRATION_CONFIG,
        currency: CURRENCY_PLN,
      },
      'registration',
    );
    if (refusal) return refusal;
    for (;;) {
      const step = await nextAcknowledged(answerTimeoutMs);
      if (step.kind === 'end') return { kind: 'unavailable', detail: step.detail };
      const message = step.message;
      if (message.kind === 'completion') {
        return { kind: 'registered', terminalId: message.terminalId ?? null };
      }
      if (message.kind === 'abort') {
        return { kind: 'unavailable', detail: `registration aborted (${message.resultCode})` };
      }
    }
  }

  async function lastTransaction(): Promise<LastTransactionAnswer> {
    const statusRefusal = await openAdmin(
      { kind: 'status-enquiry', password: PASSWORD },
      'status enquiry',
    );
    if (statusRefusal) return statusRefusal;
    const completion = await next(masterTimeoutMs);
    if (completion.kind === 'end') return { kind: 'unavailable', detail: completion.detail };
    await ack();
    if (completion.message.kind === 'completion' && (completion.message.terminalStatus ?? 0) !== 0)
      return { kind: 'busy' };

    const receiptRefusal = await openAdmin(
      { kind: 'repeat-receipt', password: PASSWORD },
      'repeat receipt',
    );
    if (receiptRefusal) return receiptRefusal;
    for (;;) {
      const step = await nextAcknowledged(masterTimeoutMs);
      if (step.kind === 'end') return { kind: 'unavailable', detail: step.detail };
      const message = step.message;
      if (message.kind === 'status-information') {
        const result = toTerminalResult(message);
        await drainToCompletion(masterTimeoutMs);
        return { kind: 'transaction', result };
      }
      if (message.kind === 'abort') {
        return message.resultCode === NO_TRANSACTION
          ? { kind: 'none' }
          : { kind: 'unavailable', detail: `repeat receipt aborted (${message.resultCode})` };
      }
      if (message.kind === 'completion') {
        return { kind: 'unavailable', detail: 'repeat receipt ended without a transaction' };
      }
    }
  }

  async function settle(): Promise<SettlementAnswer> {
    const refusal = await openAdmin({ kind: 'end-of-day', password: PASSWORD }, 'end of day');
    if (refusal) return refusal;
    for (;;) {
      const step = await nextAcknowledged(masterTimeoutMs);
      if (step.kind === 'end') return { kind: 'unavailable', detail: step.detail };
      const message = step.message;
      if (message.kind === 'status-information') {
        await drainToCompletion(masterTimeoutMs);
        if (message.resultCode !== 0) {
          return { kind: 'unavailable', detail: `end of day failed (${message.resultCode})` };
        }
        return {
          kind: 'settled',
          totalGrosze: message.amountGrosze ?? 0,
          byMethod:
            message.methodTotals?.map((total) => ({
              method: total.paymentType,
              count: total.count,
              totalGrosze: total.amountGrosze,
            })) ?? null,
          terminalId: message.terminalId ?? null,
        };
      }
      if (message.kind === 'abort' || message.kind === 'completion') {
        return { kind: 'unavailable', detail: 'end of day ended without totals' };
      }
    }
  }

  function waitForConnection(timeoutMs: number): Promise<boolean> {
    if (connection() === 'connected') return Promise.resolve(true);
    return new Promise((resolve) => {
      const listener = () => {
        if (connection() !== 'connected' && link.state !== 'closed') return;
        clearTimeout(timer);
        link.off('state', listener);
        resolve(connection() === 'connected');
      };
      const timer = setTimeout(() => {
        link.off('state', listener);
        resolve(false);
      }, timeoutMs);
      link.on('state', listener);
    });
  }

  return {
    kind: options.kind,
    connection,
    onConnection(listener) {
      const onState = () => listener(connection());
      link.on('state', onState);
      return () => link.off('state', onState);
    },
    charge,
    reverse,
    register,
    cancel,
    lastTransaction,
    settle,
    waitForConnection,
  };
}
