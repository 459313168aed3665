/**
 * ZVT messages in the session's protocol-neutral words (§11): a status information as a
 * TerminalResult, an intermediate status as TerminalProgress with the clerk's prompt.
 */
import type { PaymentPrompt } from '../../../common/contract';
import { describeIntermediateStatus } from '../zvt/intermediateStatuses';
import type { IntermediateStatus, StatusInformation } from '../zvt/messageTypes';
import { describeResultCode } from '../zvt/resultCodes';
import type { TerminalProgress, TerminalResult } from './terminalAdapter';

const INSERT_CARD = new Set([0x0a, 0x2a]);
const PIN = new Set([0x01, 0x02, 0x15]);
const PROCESSING = new Set([0x04, 0x05, 0x06, 0xd2, 0xd3]);

export function toTerminalResult(message: StatusInformation): TerminalResult {
  const described = describeResultCode(message.resultCode);
  const date = message.dateWithYear ?? message.date ?? null;
  return {
    approved: message.resultCode === 0,
    resultCode: message.resultCode,
    category: described.category,
    text: { pl: described.pl, en: described.en },
    amountGrosze: message.amountGrosze ?? null,
    method: message.paymentType ?? null,
    traceNumber: message.traceNumber ?? null,
    receiptNumber: message.receiptNumber ?? null,
    authorisationCode: message.authorisationCode ?? null,
    cardNumberMasked: message.cardNumberMasked ?? null,
    terminalId: message.terminalId ?? null,
    terminalTime: date && message.time ? `${date}${message.time}` : null,
    state: message.transactionState ?? null,
  };
}

export function toTerminalProgress(message: IntermediateStatus): TerminalProgress {
  const text = describeIntermediateStatus(
    message.statusCode,
    message.blikStep,
    message.displayTexts,
  );
  const prompt = promptFor(message);
  return {
    prompt,
    text,
    timeLimitSeconds: message.stepTimeLimitSeconds ?? null,
    cancellable: prompt === 'insert-card' || prompt === 'enter-blik-code',
  };
}

function promptFor(message: IntermediateStatus): PaymentPrompt {
  if (message.blikStep === 'enter-code') return 'enter-blik-code';
  if (message.blikStep === 'confirm-in-app') return 'confirm-in-bank-app';
  const code = message.statusCode;
  if (INSERT_CARD.has(code)) return 'insert-card';
  if (PIN.has(code)) return 'enter-pin';
  if (PROCESSING.has(code)) return 'processing';
  // 0x0B and 0x41-0x67: "please remove card" (the latter on top of another status, §9).
  if (code === 0x0b || (code >= 0x41 && code <= 0x67)) return 'remove-card';
  return 'please-wait';
}
